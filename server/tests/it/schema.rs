//! The two migration folders (`migrations/sqlite`, `migrations/postgres`) must describe the same
//! schema: the same tables, columns (types up to the dialect mapping, nullability, defaults),
//! indexes and unique constraints, and foreign keys with their ON DELETE rules. Runs in the
//! PostgreSQL layer (PORTAL_TEST_DB=postgres), where both databases can be made.

use crate::common::*;
use app::infra::Db;
use sqlx::Row;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Default, PartialEq, Eq)]
struct Table {
    /// name → (type class, not null, default)
    columns: BTreeMap<String, (String, bool, Option<String>)>,
    /// (unique, columns) of every index except the primary key's
    indexes: BTreeSet<(bool, Vec<String>)>,
    /// (column, referenced table, referenced column, on delete)
    foreign_keys: BTreeSet<(String, String, String, String)>,
}

fn type_class(t: &str) -> String {
    match t.to_ascii_lowercase().as_str() {
        "integer" | "bigint" | "int8" | "int4" => "int".into(),
        "text" | "character varying" | "varchar" => "text".into(),
        other => other.into(),
    }
}

/// `'off'::text` → `'off'`; `nextval(...)` (a serial's default) → none, as SQLite's rowid.
fn default_class(d: Option<String>) -> Option<String> {
    let d = d?;
    if d.starts_with("nextval(") {
        return None;
    }
    Some(d.split("::").next().unwrap_or_default().to_string())
}

async fn sqlite_schema(db: &Db) -> BTreeMap<String, Table> {
    let pool = &db.pool;
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut out = BTreeMap::new();
    for name in names {
        let mut t = Table::default();
        for r in sqlx::query(
            "SELECT name, type, \"notnull\" AS nn, pk, dflt_value FROM pragma_table_info($1)",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .unwrap()
        {
            let not_null = r.get::<i64, _>("nn") == 1 || r.get::<i64, _>("pk") > 0;
            t.columns.insert(
                r.get("name"),
                (
                    type_class(&r.get::<String, _>("type")),
                    not_null,
                    default_class(r.get("dflt_value")),
                ),
            );
        }
        for r in sqlx::query("SELECT name, \"unique\" AS u, origin FROM pragma_index_list($1)")
            .bind(&name)
            .fetch_all(pool)
            .await
            .unwrap()
        {
            if r.get::<String, _>("origin") == "pk" {
                continue;
            }
            let cols: Vec<String> =
                sqlx::query_scalar("SELECT name FROM pragma_index_info($1) ORDER BY seqno")
                    .bind(r.get::<String, _>("name"))
                    .fetch_all(pool)
                    .await
                    .unwrap();
            t.indexes.insert((r.get::<i64, _>("u") == 1, cols));
        }
        for r in sqlx::query("SELECT \"table\" AS t, \"from\" AS f, \"to\" AS c, on_delete FROM pragma_foreign_key_list($1)")
            .bind(&name)
            .fetch_all(pool)
            .await
            .unwrap()
        {
            t.foreign_keys.insert((
                r.get("f"),
                r.get("t"),
                r.get::<Option<String>, _>("c").unwrap_or_else(|| "id".into()),
                r.get("on_delete"),
            ));
        }
        out.insert(name, t);
    }
    out
}

async fn postgres_schema(db: &Db) -> BTreeMap<String, Table> {
    let pool = &db.pool;
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut out = BTreeMap::new();
    for name in names {
        let mut t = Table::default();
        for r in sqlx::query(
            "SELECT CAST(column_name AS TEXT) AS name, CAST(data_type AS TEXT) AS type, \
             CAST(is_nullable AS TEXT) AS nullable, CAST(column_default AS TEXT) AS dflt \
             FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .unwrap()
        {
            t.columns.insert(
                r.get("name"),
                (
                    type_class(&r.get::<String, _>("type")),
                    r.get::<String, _>("nullable") == "NO",
                    default_class(r.get("dflt")),
                ),
            );
        }
        for r in sqlx::query(
            "SELECT CAST(i.indexrelid AS BIGINT) AS id, CASE WHEN i.indisunique THEN 1 ELSE 0 END AS u \
             FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid \
             WHERE c.relname = $1 AND NOT i.indisprimary",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .unwrap()
        {
            let cols: Vec<String> = sqlx::query_scalar(
                "SELECT CAST(a.attname AS TEXT) FROM pg_index i \
                 CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) \
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum \
                 WHERE CAST(i.indexrelid AS BIGINT) = $1 ORDER BY k.n",
            )
            .bind(r.get::<i64, _>("id"))
            .fetch_all(pool)
            .await
            .unwrap();
            t.indexes.insert((r.get::<i32, _>("u") == 1, cols));
        }
        for r in sqlx::query(
            "SELECT CAST(kcu.column_name AS TEXT) AS f, CAST(ccu.table_name AS TEXT) AS t, \
             CAST(ccu.column_name AS TEXT) AS c, CAST(rc.delete_rule AS TEXT) AS on_delete \
             FROM information_schema.table_constraints tc \
             JOIN information_schema.key_column_usage kcu \
               ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema \
             JOIN information_schema.constraint_column_usage ccu \
               ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema \
             JOIN information_schema.referential_constraints rc \
               ON rc.constraint_name = tc.constraint_name AND rc.constraint_schema = tc.table_schema \
             WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public' AND tc.table_name = $1",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .unwrap()
        {
            t.foreign_keys
                .insert((r.get("f"), r.get("t"), r.get("c"), r.get("on_delete")));
        }
        out.insert(name, t);
    }
    out
}

#[tokio::test]
async fn sqlite_and_postgres_migrations_make_the_same_schema() {
    if db_kind() != "postgres" {
        // Layer 1 has no PostgreSQL to compare with; layer 2 (required under CI) runs this.
        return;
    }
    let pg_app = spawn_with(Options {
        jobs: false,
        ..Default::default()
    })
    .await;
    let dir = std::env::temp_dir().join(format!("portal-schema-{}", rand::random::<u64>()));
    std::fs::create_dir_all(&dir).unwrap();
    let sqlite = Db::connect(&format!("sqlite://{}?mode=rwc", dir.join("s.db").display()))
        .await
        .unwrap();
    sqlite.migrate().await.unwrap();
    let lite = sqlite_schema(&sqlite).await;
    let pg = postgres_schema(&pg_app.state.db).await;
    let _ = std::fs::remove_dir_all(&dir);
    // The introspection found something on both sides (no vacuous equality).
    for schema in [&lite, &pg] {
        assert!(schema.len() > 20, "{} tables", schema.len());
        let fks: usize = schema.values().map(|t| t.foreign_keys.len()).sum();
        let indexes: usize = schema.values().map(|t| t.indexes.len()).sum();
        assert!(
            fks > 10 && indexes > 10,
            "{fks} foreign keys, {indexes} indexes"
        );
    }
    assert_eq!(
        lite.keys().collect::<Vec<_>>(),
        pg.keys().collect::<Vec<_>>(),
        "the same tables"
    );
    for (name, table) in &lite {
        let other = &pg[name];
        assert_eq!(table.columns, other.columns, "columns of {name}");
        assert_eq!(table.indexes, other.indexes, "indexes of {name}");
        assert_eq!(
            table.foreign_keys, other.foreign_keys,
            "foreign keys of {name}"
        );
    }
}
