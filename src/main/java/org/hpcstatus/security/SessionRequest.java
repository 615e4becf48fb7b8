package org.hpcstatus.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A request that names an operator session by the token in its cookie. */
public class SessionRequest extends BaseAuthenticationRequest {

    private final String token;

    public SessionRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
