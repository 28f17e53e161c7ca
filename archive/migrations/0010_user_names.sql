-- People are shown by their name and unit ("Nguyễn Thị Lan, Văn phòng Tỉnh ủy"), not only by their login name.

ALTER TABLE users ADD COLUMN display_name TEXT;
ALTER TABLE users ADD COLUMN unit TEXT;
