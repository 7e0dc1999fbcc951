-- 0005: every record an officer pushes is checked against its client's row,
-- and reading that row asks whether the officer sees its owner. Asking the
-- cheap question first (is it the officer's own?) spares the function call
-- that looks up the team for every record of an officer's own caseload.
ALTER POLICY clients_read ON caseload.clients
    USING (owner = current_user OR caseload.sees(owner, current_user));
