package com.videoapi.portal.security.verification.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The anchor of one send budget's scope ({@code enrol:number:+447400123456}, {@code code:all}): an
 * admission locks it before it reads and counts the scope's {@link SendCount}s, so that two requests
 * racing for the last slot take turns and get one code between them.
 */
@Entity
@Table(name = "send_scopes")
public class SendScope {

    @Id
    private String scope;

    protected SendScope() {
        // for JPA
    }

    public SendScope(String scope) {
        this.scope = scope;
    }
}
