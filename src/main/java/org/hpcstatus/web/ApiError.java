package org.hpcstatus.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The one JSON error body: {"error": "..."}, plus an id to find a 5xx in the log. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String errorId) {

    public static ApiError of(String message) {
        return new ApiError(message, null);
    }
}
