package org.hpcstatus.outage;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.EntityTag;

import org.hpcstatus.contract.Field;

/** An outage as the JSON API shows it: the posted field names, who and when, its version, and its timeline if read. */
public final class OutageJson {

    private OutageJson() {
    }

    public static Map<String, Object> of(Outage outage) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outage_id", outage.id);
        for (Field<Outage> field : OutageFields.ALL) {
            json.put(field.name(), field.getter().apply(outage));
        }
        json.put("created_at", outage.createdAt);
        json.put("created_by", outage.createdBy);
        json.put("updated_at", outage.updatedAt);
        json.put("updated_by", outage.updatedBy);
        json.put("version", outage.version);
        if (outage.updates != null) {
            json.put("updates", outage.updates.stream().map(OutageJson::update).toList());
        }
        return json;
    }

    /**
     * The outage's ETag: strong, and changed by every change (its id and version), so that If-Match can carry the
     * version a change was based on.
     */
    public static EntityTag etag(Outage outage) {
        return new EntityTag(outage.id + "." + outage.version);
    }

    /**
     * Whether an If-Match header names this outage as it is now: "*", or one of its listed ETags. A weak ETag never
     * matches (If-Match compares strongly, RFC 9110 13.1.1).
     */
    public static boolean matches(String ifMatch, Outage outage) {
        String current = etag(outage).toString();
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> update(OutageUpdate update) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("update_id", update.id);
        json.put("created_at", update.createdAt);
        json.put("created_by", update.createdBy);
        json.put("status", update.status);
        json.put("message", update.message);
        return json;
    }

}
