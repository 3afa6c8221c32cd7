//! The database: migrations, pragmas, the seeded profiles, rights and lists.

use gestdesk::db::{Db, DbError};
use gestdesk::domain::profiles::Profile;
use gestdesk::domain::rights;
use gestdesk::i18n::Lang;

use crate::common::TestApp;

#[tokio::test]
async fn the_full_gestsup_rights_list_is_seeded_with_its_default_grants() {
    let app = TestApp::spawn().await;
    let db = app.app.db();
    let names = db
        .read_blocking(|c| rights::all_names(c).map_err(DbError::from))
        .expect("names");
    assert_eq!(names.len(), 195);
    for name in [
        "ticket_title_disp",
        "dashboard_col_company",
        "side_your_tech_group",
        "user_profil_company",
        "admin",
        "userbar",
    ] {
        assert!(names.iter().any(|n| n == name), "{name}");
    }
    // GestSup 3.2.55's default grant counts per profile, plus network discovery
    // (`asset_net_scan`) for administrators.
    for (profile, expected) in [
        (Profile::Administrator, 115),
        (Profile::Technician, 110),
        (Profile::Supervisor, 102),
        (Profile::PowerUser, 43),
        (Profile::User, 39),
    ] {
        let set = db
            .read_blocking(|c| rights::for_profile(c, profile).map_err(DbError::from))
            .expect("rights");
        assert_eq!(set.len(), expected, "{profile:?}");
    }
    for name in &names {
        let key = format!("right-{}", name.replace('_', "-"));
        for lang in Lang::ALL {
            assert!(
                lang.has(&key),
                "{} has no description in {}",
                name,
                lang.code()
            );
        }
    }
    let user = db
        .read_blocking(|c| rights::for_profile(c, Profile::User).map_err(DbError::from))
        .expect("rights");
    use gestdesk::domain::rights::names as right;
    assert!(
        user.has(right::TICKET_TITLE_DISP)
            && !user.has(right::ADMIN)
            && !user.has(right::TICKET_DELETE)
    );
    app.stop().await;
}

#[tokio::test]
async fn connections_use_wal_and_foreign_keys_and_the_schema_is_current() {
    let app = TestApp::spawn().await;
    let (journal, fks, version): (String, i64, i64) = app
        .app
        .db()
        .read_blocking(|c| {
            Ok::<_, DbError>((
                c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?,
                c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?,
                gestdesk::db::schema_version(c)?,
            ))
        })
        .expect("pragmas");
    assert_eq!(journal, "wal");
    assert_eq!(fks, 1);
    assert_eq!(version, gestdesk::db::latest_schema_version());
    let app_id: i32 = app
        .sql()
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .expect("id");
    assert_eq!(app_id, gestdesk::db::APPLICATION_ID);
    app.stop().await;
}

#[tokio::test]
async fn every_built_in_list_row_is_named_in_every_language() {
    let app = TestApp::spawn().await;
    let keys: Vec<String> = app
        .app
        .db()
        .read_blocking(|c| {
            let mut keys = Vec::new();
            for (table, column) in [
                ("ticket_states", "name_key"),
                ("ticket_states", "description_key"),
                ("ticket_states", "mail_subject_key"),
                ("priorities", "name_key"),
                ("criticalities", "name_key"),
                ("ticket_types", "name_key"),
                ("categories", "name_key"),
                ("subcategories", "name_key"),
                ("time_values", "name_key"),
                ("asset_types", "name_key"),
                ("asset_states", "name_key"),
                ("asset_states", "description_key"),
                ("asset_iface_roles", "name_key"),
                ("profiles", "name_key"),
            ] {
                let mut stmt = c.prepare(&format!(
                    "SELECT {column} FROM {table} WHERE {column} IS NOT NULL"
                ))?;
                let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
                for k in rows {
                    keys.push(k?);
                }
            }
            Ok::<_, DbError>(keys)
        })
        .expect("keys");
    assert!(keys.len() > 40);
    for key in &keys {
        for lang in Lang::ALL {
            assert!(lang.has(key), "{key} missing in {}", lang.code());
        }
    }
    // The six built-in states with GestSup's ids, the meta ones being waiting, in progress and
    // waiting for user.
    let meta: Vec<i64> = app
        .sql()
        .prepare("SELECT id FROM ticket_states WHERE is_meta = 1 ORDER BY id")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(meta, [1, 2, 6]);
    app.stop().await;
}

#[test]
fn reopening_a_database_applies_nothing_twice() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("gestdesk.sqlite3");
    let db = Db::open(&path).expect("first open");
    drop(db);
    let db = Db::open(&path).expect("second open");
    let count: i64 = db
        .read_blocking(|c| {
            c.query_row("SELECT count(*) FROM refinery_schema_history", [], |r| {
                r.get(0)
            })
            .map_err(DbError::from)
        })
        .expect("history");
    assert_eq!(count, gestdesk::db::latest_schema_version());
}

#[test]
fn a_database_from_a_newer_gestdesk_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("gestdesk.sqlite3");
    drop(Db::open(&path).expect("create"));
    {
        let c = rusqlite::Connection::open(&path).expect("open");
        c.execute(
            "INSERT INTO refinery_schema_history (version, name, applied_on, checksum)
             VALUES (9999, 'future', '2030-01-01T00:00:00Z', '0')",
            [],
        )
        .expect("future migration");
    }
    let before = std::fs::read(&path).expect("read");
    let err = Db::open(&path).expect_err("refused");
    assert!(
        matches!(err, DbError::NewerSchema { found: 9999, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("newer Gestdesk"));
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[tokio::test]
async fn an_older_data_folder_is_copied_before_its_schema_is_brought_up_to_date() {
    let (app, admin) = TestApp::with_admin().await;
    drop(admin);
    let latest = gestdesk::db::latest_schema_version();
    let dir = app.pause().await;
    // The data folder as the version before the latest change (V45, memberships counted as
    // changes of the reference tables) left it.
    let db = dir.path().join("gestdesk.sqlite3");
    {
        let conn = rusqlite::Connection::open(&db).expect("database");
        conn.execute_batch(
            "DROP TRIGGER group_members_reference_insert;
             DROP TRIGGER group_members_reference_update;
             DROP TRIGGER group_members_reference_delete;
             DROP TRIGGER user_services_reference_insert;
             DROP TRIGGER user_services_reference_update;
             DROP TRIGGER user_services_reference_delete;
             DROP TRIGGER user_agencies_reference_insert;
             DROP TRIGGER user_agencies_reference_update;
             DROP TRIGGER user_agencies_reference_delete;
             DROP TRIGGER personal_views_reference_insert;
             DROP TRIGGER personal_views_reference_update;
             DROP TRIGGER personal_views_reference_delete;
             DROP TRIGGER users_reference_update;
             CREATE TRIGGER users_reference_update AFTER UPDATE OF login, firstname, lastname,
                 display_name, profile_id, disabled, company_id, mail, phone, mobile ON users
             BEGIN UPDATE change_counter SET reference = reference + 1; END;",
        )
        .expect("older schema");
        conn.execute(
            "DELETE FROM refinery_schema_history WHERE version = ?1",
            [latest],
        )
        .expect("older history");
    }
    let backups = dir.path().join("backups");
    let before: Vec<_> = std::fs::read_dir(&backups)
        .map(|d| d.flatten().collect())
        .unwrap_or_default();

    let app = TestApp::resume(dir).await;
    // A copy of the database as it was, then the migration.
    let copies: Vec<std::path::PathBuf> = std::fs::read_dir(&backups)
        .expect("backups folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with(&format!("gestdesk-before-upgrade-v{}-", latest - 1))
            })
        })
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?} (before: {})", before.len());
    assert_eq!(
        gestdesk::upgrade::recorded_version(&copies[0]).expect("copy readable"),
        Some(latest - 1)
    );
    assert_eq!(
        app.count("SELECT max(version) FROM refinery_schema_history"),
        latest
    );
    // The system page shows the history, the latest change first.
    let admin = app.client();
    admin.login("admin", crate::common::ADMIN_PASSWORD).await;
    let page = admin.get("/admin/system").await;
    page.assert_contains("Schema history")
        .assert_contains("update_check")
        .assert_contains("reference_counter_memberships");
    // Opening it again, up to date, takes no other copy.
    let dir = app.pause().await;
    let app = TestApp::resume(dir).await;
    let n = std::fs::read_dir(&backups)
        .expect("backups")
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("gestdesk-before-upgrade-")
        })
        .count();
    assert_eq!(n, 1);
    app.stop().await;
}
