package com.videoapi.portal.security.mail.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PortalLinksTest {

    @Test
    void a_link_is_the_base_url_the_page_and_the_encoded_token() {
        assertEquals("http://localhost:8080/verify-email.xhtml?token=a%2Bb",
                PortalLinks.of("http://localhost:8080/", "verify-email", "a+b"));
        assertEquals("https://portal.example.com/app/reset.xhtml?token=t",
                PortalLinks.of("https://portal.example.com/app", "reset", "t"));
    }
}
