-- Where a shelf stands, joined once for every area that shows a place (the stacks' locate and print lists, the
-- handover's received inventory), so none of them repeats the shelf → unit → room → repository chain. `label` reads
-- like the stacks' shelfLabel(): "Kho A / Phòng 101 / Giá 03 / Tầng 2".
CREATE VIEW shelf_places AS
SELECT s.id AS shelf_id, s.code AS shelf_code, s.ordinal AS shelf_ordinal,
       u.id AS unit_id, u.code AS unit_code, u.ordinal AS unit_ordinal,
       r.id AS room_id, r.code AS room_code, r.name AS room_name,
       p.id AS repository_id, p.code AS repository_code, p.name AS repository_name,
       p.name || ' / ' || r.name || ' / Giá ' || u.code || ' / Tầng ' || s.code AS label
  FROM shelves s
  JOIN shelf_units u ON u.id = s.shelf_unit_id
  JOIN rooms r ON r.id = u.room_id
  JOIN repositories p ON p.id = r.repository_id;
