-- Email tokens can carry a value (the new address of an email change).
ALTER TABLE email_tokens ADD COLUMN payload TEXT;
