-- PBS does not make Reserve_Name unique (a monthly maintenance window is the same name every month): a reservation
-- is kept by the scheduler's id (reservation_id in a post, e.g. M5121302.desched1) where the collector sends one,
-- and by its name only where it does not. reservation_key is the one the row is upserted by: "id:<id>" or "name:<name>".
ALTER TABLE reservation ADD COLUMN scheduler_reservation_id VARCHAR(128);
ALTER TABLE reservation ADD COLUMN reservation_key VARCHAR(200);
UPDATE reservation SET reservation_key = CONCAT('name:', reservation_name);
ALTER TABLE reservation MODIFY reservation_key VARCHAR(200) NOT NULL;
-- The new key first: MariaDB's foreign key on system_id uses the old one's index until another starts with system_id.
ALTER TABLE reservation ADD CONSTRAINT uk_reservation_key UNIQUE (system_id, reservation_key);
ALTER TABLE reservation DROP CONSTRAINT uk_reservation;
