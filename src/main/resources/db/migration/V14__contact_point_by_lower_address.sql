-- Every debtor who has an address, whatever its letter case (an opt-out, a cease or a wrong number suppresses the
-- address for all of them): Suppressions looks contact points up by lower(address), which the index on address
-- cannot serve, so each such reply read the whole table.
CREATE INDEX contact_point_by_lower_address ON contact_point (lower(address), channel);
