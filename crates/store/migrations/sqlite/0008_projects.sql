-- What a project says about itself: its lead (a staff account), the rung it aims
-- for, its involvement budget in pence, what cannot change and why, the partner
-- organisations with their part, and the history of its stages with the day each
-- began, so "involved from the start" is judged by the stage when people were first
-- involved.
ALTER TABLE projects ADD COLUMN lead_account_id INTEGER REFERENCES accounts (id);
ALTER TABLE projects ADD COLUMN target_rung TEXT;
ALTER TABLE projects ADD COLUMN budget_pence INTEGER;
ALTER TABLE projects ADD COLUMN cannot_change TEXT;

CREATE TABLE project_partners (
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    part TEXT NOT NULL,
    PRIMARY KEY (project_id, organisation_id)
);
CREATE INDEX project_partners_organisation ON project_partners (organisation_id, project_id);

CREATE TABLE project_stages (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    began_on TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX project_stages_project ON project_stages (project_id, began_on, id);
INSERT INTO project_stages (project_id, stage, began_on, recorded_at)
    SELECT id, stage, substr(created_at, 1, 10), created_at FROM projects;
