package com.videoapi.portal.security.audit.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestOriginTest {

    @Test
    void an_ipv4_address_is_its_own_source() {
        assertEquals("192.0.2.1", RequestOrigin.sourceOf("192.0.2.1"));
        assertEquals("127.0.0.2", RequestOrigin.sourceOf("127.0.0.2"));
    }

    @Test
    void an_ipv6_address_counts_by_its_64_bit_network() {
        assertEquals("2001:db8:1:2::/64", RequestOrigin.sourceOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals("2001:db8:1:2::/64", RequestOrigin.sourceOf("2001:db8:1:2::1%eth0"));
    }

    @Test
    void what_is_no_address_literal_is_unknown_and_never_looked_up() {
        assertEquals("unknown", RequestOrigin.sourceOf(null));
        assertEquals("unknown", RequestOrigin.sourceOf("attacker.example"));
    }
}
