-- The collectors guide's credential SQL, verbatim except that its '$2b$12$...' placeholder is a real hash:
-- made by Python's bcrypt (bcrypt.hashpw(b'python-collector-pw', bcrypt.gensalt(10))).
INSERT INTO api_credentials (username, password_hash, description, active)
VALUES (
    'derecho_collector',
    '$2b$10$zRX1Z2qZfbtFhHE1baelTuPe5ra1aY3Q5qmdi9/RVZWmbCODCF77q', -- bcrypt hash of password
    'Derecho system status collector',
    1
);

-- Assign permission
INSERT INTO role_api_credentials (role_id, api_credentials_id)
SELECT r.role_id, ac.api_credentials_id
FROM role r, api_credentials ac
WHERE r.role_name = 'admin' AND ac.username = 'derecho_collector';
