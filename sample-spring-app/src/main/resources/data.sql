INSERT INTO app_user (id, email, blocked, display_name) VALUES ('u-1', 'alice@example.com', FALSE, 'alice');
INSERT INTO app_user (id, email, blocked, display_name) VALUES ('u-2', 'bob@example.com', FALSE, 'bob');
INSERT INTO app_user (id, email, blocked, display_name) VALUES ('u-3', 'carol@example.com', FALSE, 'carol');
INSERT INTO app_user (id, email, blocked, display_name) VALUES ('u-4', 'dave@example.com', FALSE, 'dave');
