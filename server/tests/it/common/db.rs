//! Each test's own database: a SQLite file in its directory, or a fresh PostgreSQL database when
//! PORTAL_TEST_DB=postgres.

pub fn db_kind() -> String {
    std::env::var("PORTAL_TEST_DB").unwrap_or_else(|_| "sqlite".into())
}

pub async fn fresh_database_url(dir: &std::path::Path) -> String {
    if db_kind() == "postgres" {
        let admin = std::env::var("PORTAL_TEST_PG_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
        let name = format!("portal_test_{}", rand::random::<u64>());
        sqlx::any::install_default_drivers();
        let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&admin)
            .await
            .expect("PostgreSQL reachable at PORTAL_TEST_PG_URL");
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .unwrap();
        let (prefix, _) = admin.rsplit_once('/').unwrap();
        format!("{prefix}/{name}")
    } else {
        format!("sqlite://{}?mode=rwc", dir.join("portal.db").display())
    }
}
