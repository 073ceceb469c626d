package com.videoapi.portal.web.profile;

/**
 * The CDI event of a form of Security Settings that changed the account (2FA switched, a device
 * revoked, a new password): the tables that show it load it again for the page about to be drawn.
 */
public record SettingsChanged() {
}
