package org.hpcstatus.notify;

import java.util.Map;

import org.hpcstatus.config.StatusConfig.Webhook.Event;

/**
 * Something a webhook tells: {@code type} is one of the events a hook subscribes to; {@code key} says what it is
 * about, the same on every replica that sees it, so that it is recorded once; {@code system} is a system's name or
 * "all".
 */
record Notification(Event type, String key, String system, String text, Map<String, Object> data) {
}
