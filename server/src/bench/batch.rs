//! Multi-row `INSERT`s through sqlx's `Any` driver: what the benchmark seeds its book with, and
//! the raw baseline it measures the payment jobs against. Rows go in chunks that stay under
//! SQLite's limit of bound parameters (32,766; PostgreSQL's is 65,535). SQLite's parameters are
//! plain `?`, not `$N` as elsewhere: SQLite keeps a numbered or named parameter in a list it
//! searches from the start (when it parses the statement, and for each name sqlx asks when it
//! binds), so a statement of thousands of `$N` took seconds.

use app::infra::DbKind;
use sqlx::AnyConnection;

/// One value of a row (the few types the benchmark's tables need).
#[derive(Clone, Debug)]
pub enum V {
    Int(i64),
    Text(String),
    NullInt,
    NullText,
}

impl From<i64> for V {
    fn from(v: i64) -> V {
        V::Int(v)
    }
}

impl From<&str> for V {
    fn from(v: &str) -> V {
        V::Text(v.to_string())
    }
}

impl From<String> for V {
    fn from(v: String) -> V {
        V::Text(v)
    }
}

impl From<Option<i64>> for V {
    fn from(v: Option<i64>) -> V {
        v.map_or(V::NullInt, V::Int)
    }
}

impl From<Option<String>> for V {
    fn from(v: Option<String>) -> V {
        v.map_or(V::NullText, V::Text)
    }
}

/// Bound parameters per statement, under both databases' limits.
const MAX_PARAMS: usize = 30_000;

/// Inserts `rows` (each in the order of `columns`) into `table` with as few statements as the
/// parameter limit allows; returns the rows inserted.
pub async fn insert(
    conn: &mut AnyConnection,
    kind: DbKind,
    table: &str,
    columns: &[&str],
    rows: &[Vec<V>],
) -> Result<u64, sqlx::Error> {
    let per_statement = (MAX_PARAMS / columns.len()).max(1);
    let mut inserted = 0;
    for chunk in rows.chunks(per_statement) {
        let sql = statement(kind, table, columns, chunk.len());
        let mut q = sqlx::query(&sql);
        for row in chunk {
            debug_assert_eq!(row.len(), columns.len());
            for v in row {
                q = match v {
                    V::Int(i) => q.bind(*i),
                    V::Text(s) => q.bind(s.as_str()),
                    V::NullInt => q.bind(None::<i64>),
                    V::NullText => q.bind(None::<String>),
                };
            }
        }
        inserted += q.execute(&mut *conn).await?.rows_affected();
    }
    Ok(inserted)
}

/// `INSERT INTO table (a, b) VALUES ($1, $2), ($3, $4)` for `n` rows (`?` on SQLite).
fn statement(kind: DbKind, table: &str, columns: &[&str], n: usize) -> String {
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
    let mut p = 0;
    for r in 0..n {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 0..columns.len() {
            if c > 0 {
                sql.push_str(", ");
            }
            p += 1;
            if kind == DbKind::Sqlite {
                sql.push('?');
            } else {
                sql.push_str(&format!("${p}"));
            }
        }
        sql.push(')');
    }
    sql
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_statement_numbers_its_parameters_across_rows() {
        use app::infra::DbKind;
        assert_eq!(
            super::statement(DbKind::Postgres, "t", &["a", "b"], 2),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)"
        );
        assert_eq!(
            super::statement(DbKind::Sqlite, "t", &["a", "b"], 2),
            "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)"
        );
    }
}
