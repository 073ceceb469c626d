package com.videoapi.portal.security.passkeys.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RelyingPartyTest {

    @Test
    void origins_are_read_as_browsers_write_them() {
        assertEquals(Set.of("http://localhost:8180", "https://portal.example.com"),
                RelyingParty.origins(List.of(" http://localhost:8180/ ", "https://portal.example.com", "")));
    }

    @Test
    void an_unreadable_response_is_refused_not_thrown() {
        RelyingParty party = new RelyingParty();
        party.rpId = "localhost";
        party.origins = List.of("http://localhost:8080");
        assertThrows(RelyingParty.Refused.class, () -> party.verifyRegistration(new byte[32], "{\"id\":\"x\"}"));
        assertThrows(RelyingParty.Refused.class, () -> party.verifyRegistration(new byte[32], "not json"));
        assertEquals(java.util.Optional.empty(), party.credentialIdOf("{]"));
    }
}
