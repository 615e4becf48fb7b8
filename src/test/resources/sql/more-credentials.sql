-- htpasswd -nbB -C 10 x 'htpasswd-collector-pw': Apache's $2y$ variant, with the 'collector' role.
INSERT INTO api_credentials (username, password_hash, description, active)
VALUES ('casper_collector', '$2y$10$bXB5AGzv3AAzMIgXLG0pdOH8dbr11Iuv8G/p7D92qFcmB4toy00oW', 'Casper collector', 1);
INSERT INTO role_api_credentials (role_id, api_credentials_id)
SELECT r.role_id, ac.api_credentials_id FROM role r, api_credentials ac
WHERE r.role_name = 'collector' AND ac.username = 'casper_collector';

-- Same password, no role at all: authenticates, but holds no permission.
INSERT INTO api_credentials (username, password_hash, description, active)
VALUES ('viewer', '$2y$10$bXB5AGzv3AAzMIgXLG0pdOH8dbr11Iuv8G/p7D92qFcmB4toy00oW', 'No permissions', 1);

-- Same password, admin role, but deactivated.
INSERT INTO api_credentials (username, password_hash, description, active)
VALUES ('retired_collector', '$2y$10$bXB5AGzv3AAzMIgXLG0pdOH8dbr11Iuv8G/p7D92qFcmB4toy00oW', 'Deactivated', 0);
INSERT INTO role_api_credentials (role_id, api_credentials_id)
SELECT r.role_id, ac.api_credentials_id FROM role r, api_credentials ac
WHERE r.role_name = 'admin' AND ac.username = 'retired_collector';

-- Same password, the 'admin' role: may also see per-user load (VIEW_SYSTEM_STATUS_USER_INFO).
INSERT INTO api_credentials (username, password_hash, description, active)
VALUES ('site_admin', '$2y$10$bXB5AGzv3AAzMIgXLG0pdOH8dbr11Iuv8G/p7D92qFcmB4toy00oW', 'Site administrator', 1);
INSERT INTO role_api_credentials (role_id, api_credentials_id)
SELECT r.role_id, ac.api_credentials_id FROM role r, api_credentials ac
WHERE r.role_name = 'admin' AND ac.username = 'site_admin';
