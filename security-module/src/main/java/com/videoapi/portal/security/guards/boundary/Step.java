package com.videoapi.portal.security.guards.boundary;

/** The step of a sign-in that a failure or a lock is about: each step counts and locks on its own. */
public enum Step { PASSWORD, CODE }
