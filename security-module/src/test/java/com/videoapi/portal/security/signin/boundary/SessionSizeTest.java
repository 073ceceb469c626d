package com.videoapi.portal.security.signin.boundary;

import com.videoapi.portal.security.signin.control.SignedInCaller;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the sign-in keeps in an HTTP session, which a cluster copies to a second node at every change
 * (docs/scaling.md): it survives serialization whole, and stays small. The sizes are Java
 * serialization's, the format of WildFly's default session marshaller's fallback; the figures in
 * docs/scaling.md come from here.
 */
class SessionSizeTest {

    private static final Instant NOW = Instant.parse("2026-11-30T07:00:00Z");

    @Test
    void a_signed_in_caller_survives_serialization_in_under_a_kilobyte() throws Exception {
        SignedInCaller caller = new SignedInCaller(UUID.randomUUID(), "someone.with.a.long.address@example.com",
                Set.of("user"), 42L, NOW, NOW.plusSeconds(60), UUID.randomUUID());
        byte[] bytes = serialize(caller);
        assertEquals(caller, deserialize(bytes));
        System.out.println("SignedInCaller: " + bytes.length + " bytes");
        assertTrue(bytes.length < 1024, bytes.length + " bytes");
    }

    @Test
    void a_pending_sign_in_survives_serialization_in_under_a_kilobyte() throws Exception {
        PendingSignIn pending = new PendingSignIn(UUID.randomUUID(), "someone.with.a.long.address@example.com",
                Set.of("user"), 42L, UUID.randomUUID(), "+44 •••• ••3456", null, new PendingSignIn.Offers(true, true, 30));
        byte[] bytes = serialize(pending);
        assertEquals(pending, deserialize(bytes));
        System.out.println("PendingSignIn: " + bytes.length + " bytes");
        assertTrue(bytes.length < 1024, bytes.length + " bytes");
    }

    private static byte[] serialize(Serializable value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(value);
        }
        return out.toByteArray();
    }

    private static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return objects.readObject();
        }
    }
}
