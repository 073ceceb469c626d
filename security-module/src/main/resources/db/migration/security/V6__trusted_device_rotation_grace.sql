-- A double click on "Sign in" from a trusted device sends the same token twice: the first request
-- rotates it, the second presents the token just spent. That token stays good for
-- twofactor.trusted-device.rotation-grace after its rotation (docs/security.md); presented later,
-- it still revokes the device as copied.
alter table trusted_devices add column previous_token_hash char(64);
alter table trusted_devices add column rotated_at timestamp(6) with time zone;
