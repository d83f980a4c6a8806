-- The Orleans ADO.NET providers read the SQL they run from this table (SELECT QueryKey, QueryText FROM
-- OrleansQuery). The name is unquoted there, so PostgreSQL folds it to lower case.
CREATE TABLE orleansquery (
    querykey  varchar(64) PRIMARY KEY,
    querytext text        NOT NULL
);
