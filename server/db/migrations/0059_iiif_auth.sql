-- IIIF Authorization Flow 2.0. Two credentials, both stored as the sha256 of what the browser holds (like sessions):
--
-- iiif_access_grants: the "access cookie" the access service sets once the signed-in user agrees that one outside
--   origin may view on their behalf. It lives under the token service's path only, and ends with the session it came
--   from (logout, password or role change delete the session and so the grant).
-- iiif_access_tokens: the short-lived bearer tokens the token service hands to that origin's viewer. Bound to the
--   grant (hence the session and user) and to the origin; ended with the grant.
CREATE TABLE iiif_access_grants (
  id          text PRIMARY KEY,
  session_id  text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  user_id     integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  origin      text NOT NULL,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX iiif_access_grants_session_idx ON iiif_access_grants (session_id);

CREATE TABLE iiif_access_tokens (
  id          text PRIMARY KEY,
  grant_id    text NOT NULL REFERENCES iiif_access_grants(id) ON DELETE CASCADE,
  origin      text NOT NULL,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX iiif_access_tokens_grant_idx ON iiif_access_tokens (grant_id);
CREATE INDEX iiif_access_tokens_expiry_idx ON iiif_access_tokens (expires_at);
