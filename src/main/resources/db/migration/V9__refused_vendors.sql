-- The IAB vendor (GVL) ids the page's TCF signal refused when the event was collected, comma-separated: server-side
-- forwarding sends nothing to a refused vendor, as the browser fires nothing for it. Null: the page did not say.
alter table collected_event add column refused_vendors varchar(1000);
