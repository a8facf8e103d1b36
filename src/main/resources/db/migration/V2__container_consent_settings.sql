-- Consent signal choice and category maps, as JSON (see ConsentSettings); null means the defaults.
alter table container add column consent_settings text;
