-- Erasure by visitor id or email stays fast on large tables (PostgreSQL only: see V4).
create index collected_event_visitor on collected_event (visitor_id);
create index collected_event_email on collected_event (email_sha256);
