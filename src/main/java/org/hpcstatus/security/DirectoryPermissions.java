package org.hpcstatus.security;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.hpcstatus.config.StatusConfig;

/**
 * Gives a directory login the permissions its groups are mapped to (hpcstatus.security.directory.groups). The LDAP
 * realm hands the groups over as the attribute {@link #GROUPS_ATTRIBUTE}, not as roles, so that a group's name is
 * never taken for a permission: a group called EDIT_SYSTEM_STATUS grants nothing unless the mapping says so.
 */
@ApplicationScoped
public class DirectoryPermissions implements SecurityIdentityAugmentor {

    /** quarkus.security.ldap.identity-mapping.attribute-mappings."groups".to */
    public static final String GROUPS_ATTRIBUTE = "directory-groups";

    @Inject
    StatusConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        Object groups = identity.getAttribute(GROUPS_ATTRIBUTE);
        if (!(groups instanceof Iterable<?> names)) {
            return Uni.createFrom().item(identity);
        }
        Map<String, List<String>> granted = config.security().directory().groups();
        QuarkusSecurityIdentity.Builder mapped = QuarkusSecurityIdentity.builder(identity);
        for (Object group : names) {
            granted.getOrDefault(String.valueOf(group), List.of()).forEach(mapped::addRole);
        }
        return Uni.createFrom().item(mapped.build());
    }
}
