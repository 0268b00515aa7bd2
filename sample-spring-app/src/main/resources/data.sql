INSERT INTO app_user (id, email, blocked) VALUES ('u-1', 'alice@example.com', FALSE);
INSERT INTO app_user (id, email, blocked) VALUES ('u-2', 'bob@example.com', FALSE);
