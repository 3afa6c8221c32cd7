//! A small GestSup site (`tests/fixtures/gestsup-3.2.sql`: accents and emoji, HTML with a
//! script, "none" rows, zero dates, a deleted ticket, a private reply, an md5-hashed and
//! bcrypt-hashed accounts, a custom state, an account whose id is taken here, one whose login
//! is, an attached picture and a missing attached file) imported with its upload folder from
//! its backup file, from a real MariaDB holding it, and from that database's `mysqldump`: a
//! dry run changes nothing, the import keeps GestSup's ticket numbers, people log in with
//! their GestSup passwords, tickets open by their numbers and are found by search, and a
//! second import is refused. An older 3.1 site comes over the same three ways.

use reqwest::StatusCode;

use crate::common::mariadb::MariaDb;
use crate::common::{ADMIN_PASSWORD, TestApp, md5_hex as md5};
use gestdesk::domain::profiles::Profile;

/// The 3.2 fixture with its password hashes filled in: GestSup's admin "gestsup admin",
/// jdoe's md5 "jdoe old password", tech's and asmith's bcrypt "php password".
pub(crate) fn site_32() -> String {
    let php = |pw: &str| {
        bcrypt::hash(pw, 4)
            .expect("hash")
            .replacen("$2b$", "$2y$", 1)
    };
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gestsup-3.2.sql"),
    )
    .expect("fixture")
    .replace("{{ADMIN_HASH}}", &php("gestsup admin"))
    .replace("{{BCRYPT_HASH}}", &php("php password"))
    .replace(
        "{{MD5_HASH}}",
        &md5(&format!("s4ltOld{}", md5("jdoe old password"))),
    )
}

#[tokio::test]
async fn a_gestsup_backup_file_is_imported_with_its_numbers_people_and_passwords() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("2024-03-08-backup-gestsup-3.2.55-abc.sql");
    std::fs::write(&file, site_32()).expect("write");
    the_32_site_comes_over(file.to_str().expect("path")).await;
}

/// The 3.2 site in a real MariaDB (its tables converted to utf8mb4, as many sites are, which
/// keeps the emoji) comes over read directly, then from the dump `mysqldump` makes of it:
/// the same rows, files and logins either way.
#[tokio::test]
async fn a_gestsup_database_comes_over_directly_and_from_its_mysqldump() {
    let Some(server) = MariaDb::get() else {
        return;
    };
    let address = server.load("gd_site32", &site_32().replace("utf8mb3", "utf8mb4"));
    the_32_site_comes_over(&address).await;

    let dir = tempfile::tempdir().expect("dir");
    let dump = dir.path().join("mysqldump-gestsup.sql");
    server.dump("gd_site32", &dump);
    the_32_site_comes_over(dump.to_str().expect("path")).await;
}

/// A wrong password, a database that is not GestSup's, or nobody listening: the import says
/// why, never shows the password, and changes nothing.
#[tokio::test]
async fn a_wrong_database_address_is_refused_with_the_reason() {
    let Some(server) = MariaDb::get() else {
        return;
    };
    let (app, _admin) = TestApp::with_admin().await;
    let address = server.load("gd_not_gestsup", "CREATE TABLE notes (id int);");
    let wrong = address.replace(crate::common::mariadb::PASSWORD, "not-the-password");
    let (ok, said) = app.run_command(&["import", "gestsup", "--from", &wrong]);
    assert!(!ok);
    assert!(said.contains("Access denied"), "{said}");
    assert!(!said.contains("not-the-password"), "{said}");
    let (ok, said) = app.run_command(&["import", "gestsup", "--from", &address]);
    assert!(!ok);
    assert!(said.contains("holds no GestSup site"), "{said}");
    let nobody = format!(
        "mysql://gestsup:pw@127.0.0.1:{}/gestsup",
        crate::common::free_port()
    );
    let (ok, said) = app.run_command(&["import", "gestsup", "--from", &nobody]);
    assert!(!ok);
    assert!(said.contains("GestSup database"), "{said}");
    let (ok, said) = app.run_command(&["import", "gestsup", "--from", "mysql://u:p@h:99999/x"]);
    assert!(!ok);
    assert!(
        said.contains("mysql://user:password@host:port/database"),
        "{said}"
    );
    assert_eq!(app.count("SELECT count(*) FROM users"), 1);
    app.stop().await;
}

/// Imports the 3.2 site from `from` (a backup file or a database's address), with its upload
/// folder, into an instance whose id 2 and login "admin" are taken, and checks it row by row.
async fn the_32_site_comes_over(from: &str) {
    let (app, admin) = TestApp::with_admin().await;
    // Id 2 is taken here: GestSup's jdoe (id 2) gets another, and her tickets follow her.
    app.create_user("localtech", "local tech password", Profile::Technician)
        .await;
    let dir = tempfile::tempdir().expect("dir");

    // GestSup's upload folder holds the picture and the procedure's file; the invoice's file
    // is missing.
    let upload = dir.path().join("upload");
    std::fs::create_dir_all(upload.join("ticket")).expect("upload");
    std::fs::write(
        upload.join("ticket/1041_65f0c1.png"),
        crate::common::PNG_LOGO,
    )
    .expect("file");
    std::fs::create_dir_all(upload.join("procedure")).expect("upload");
    std::fs::write(
        upload.join("procedure/proc_1.pdf"),
        b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n",
    )
    .expect("file");
    let files = upload.to_str().expect("path");

    let (ok, said) = app.run_command(&[
        "import",
        "gestsup",
        "--from",
        from,
        "--files",
        files,
        "--dry-run",
    ]);
    assert!(ok, "{said}");
    assert!(
        said.contains("tincidents: read 4, imported 4, left out 0"),
        "{said}"
    );
    assert!(said.contains("Dry run: nothing was changed."), "{said}");
    assert_eq!(app.count("SELECT count(*) FROM tickets"), 0);
    assert_eq!(app.count("SELECT count(*) FROM users"), 2);

    let (ok, said) = app.run_command(&["import", "gestsup", "--from", from, "--files", files]);
    assert!(ok, "{said}");
    assert!(
        said.contains("tthreads: read 6, imported 6, left out 0"),
        "{said}"
    );
    assert!(
        said.contains("tattachments: read 3, imported 2, left out 1"),
        "{said}"
    );
    assert!(
        said.contains("tattachments 2: file not found: facture.pdf"),
        "{said}"
    );
    assert!(
        said.contains("tprocedures: read 2, imported 1, left out 1"),
        "{said}"
    );
    assert!(
        said.contains("tusers: read 5, imported 5, left out 0"),
        "{said}"
    );
    assert!(
        said.contains("tsurvey_questions: read 5, imported 4, left out 1"),
        "{said}"
    );
    // The second scale answer of the same ticket, one out of the scale's range and one of a
    // ticket that is not there are left out.
    assert!(
        said.contains("tsurvey_answers: read 6, imported 4, left out 2"),
        "{said}"
    );
    assert!(
        said.contains("the same login here (which keeps its password): admin"),
        "{said}"
    );
    assert!(said.contains("integrity_check: ok"), "{said}");
    assert!(said.contains("Settings brought over: "), "{said}");
    assert!(said.contains("without its password"), "{said}");
    let kept: Vec<_> = std::fs::read_dir(app.data_dir())
        .expect("data dir")
        .flatten()
        .filter(|f| {
            f.file_name()
                .to_string_lossy()
                .starts_with("gestsup-import-")
        })
        .collect();
    assert_eq!(kept.len(), 1, "the report is kept in the data folder");

    // Row by row.
    let jdoe = app.user_id("jdoe");
    assert_ne!(jdoe, 2, "id 2 was taken");
    assert_eq!(
        app.count("SELECT requester_id FROM tickets WHERE id = 1041"),
        jdoe
    );
    assert_eq!(
        app.text("SELECT title FROM tickets WHERE id = 1041"),
        "Imprimante du 2e étage 🖨️"
    );
    let description = app.text("SELECT description FROM tickets WHERE id = 1041");
    assert_eq!(
        description,
        "L'imprimante **ne répond plus**.\n\nMerci \\!\nZoé"
    );
    assert_eq!(
        app.text("SELECT description FROM tickets WHERE id = 1042"),
        "Plain text\nsecond line"
    );
    assert_eq!(
        app.text(
            "SELECT coalesce(hope_date, '-') || '|' || (resolved_at IS NULL) || '|' || state_id || '|'
                    || technician_id || '|' || time_spent_minutes FROM tickets WHERE id = 1041"
        ),
        "2024-03-08|1|2|3|30"
    );
    assert_eq!(app.count("SELECT deleted FROM tickets WHERE id = 1043"), 1);
    assert_eq!(
        app.count("SELECT tech_group_id FROM tickets WHERE id = 1042"),
        1
    );
    assert_eq!(
        app.count("SELECT count(*) FROM ticket_observers WHERE ticket_id = 1041 AND user_id = 4"),
        1
    );
    assert_eq!(
        app.count("SELECT private FROM thread_entries WHERE id = 503"),
        1
    );
    assert_eq!(
        app.text("SELECT body FROM thread_entries WHERE id = 502"),
        "Je passe voir à 10h."
    );
    assert_eq!(
        app.text("SELECT kind || '|' || tech_to_id FROM thread_entries WHERE id = 501"),
        "assigned|3"
    );
    assert_eq!(
        app.text("SELECT kind || '|' || mail_to FROM thread_entries WHERE id = 506"),
        "mail|jdoe@example.test"
    );
    assert_eq!(
        app.text("SELECT name FROM ticket_states WHERE id = 7"),
        "Chez le fournisseur"
    );
    assert_eq!(
        app.text("SELECT c.name || '|' || s.name || '|' || s.technician_id FROM subcategories s JOIN categories c ON c.id = s.category_id WHERE s.id = 1"),
        "Matériel|Imprimante|3"
    );
    assert_eq!(
        app.text("SELECT name FROM companies WHERE id = 1"),
        "Société Générale d'Outillage"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM user_services WHERE user_id = {jdoe}"
        )),
        1,
        "the membership of a service that does not exist is left out"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM group_members WHERE group_id = 1"),
        2
    );
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE login = 'aucun'"),
        0
    );
    assert_eq!(
        app.text("SELECT language FROM users WHERE login = 'asmith'"),
        "de"
    );
    // The named template, on its ticket; the one whose ticket is gone is said.
    assert_eq!(
        app.text(
            "SELECT tt.name || '|' || t.is_template FROM ticket_templates tt
             JOIN tickets t ON t.id = tt.ticket_id WHERE tt.id = 1"
        ),
        "Arrivée d'un salarié|1"
    );
    assert!(
        said.contains("ttemplates: read 2, imported 1, left out 1"),
        "{said}"
    );
    assert!(said.contains("ttemplates 1: repeated \"month\""), "{said}");
    // Personal preferences: theme, state at login and sort order, where GestSup's have one.
    let preferences = |login: &str| {
        app.text(&format!(
            "SELECT coalesce(theme, '-') || '|' || coalesce(default_ticket_state, '-') || '|'
                    || coalesce(ticket_order, '-') FROM users WHERE login = '{login}'"
        ))
    };
    assert_eq!(preferences("jdoe"), "pink|-|state");
    assert_eq!(preferences("tech"), "grey|7|hope_date");
    assert_eq!(
        preferences("asmith"),
        "-|meta|-",
        "unknown skin and order: the defaults"
    );

    let (storage, filename, size) = app
        .sql()
        .query_row(
            "SELECT storage_name, filename, size FROM attachments WHERE ticket_id = 1041",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            },
        )
        .expect("attachment");
    assert_eq!(filename, "photo imprimante.png");
    assert_eq!(
        app.text(
            "SELECT p.title || '|' || p.category_id || '|' || p.company_id || '|' || a.filename
             FROM procedures p JOIN attachments a ON a.procedure_id = p.id WHERE p.id = 5"
        ),
        "Changer le toner|1|1|procédure.pdf"
    );
    assert!(
        app.text("SELECT body FROM procedures WHERE id = 5")
            .contains("1. Ouvrir le capot")
    );
    assert_eq!(app.count("SELECT count(*) FROM procedures"), 1);

    // The settings that have an equivalent, the mail server's password never.
    // (A setting left at its default has no row: "" here.)
    let setting = |key: &str| {
        app.text(&format!(
            "SELECT coalesce((SELECT value FROM settings WHERE key = '{key}'), '')"
        ))
    };

    assert_eq!(setting("company_name"), "Outillage SA");
    assert_eq!(setting("theme"), "grey");
    assert_eq!(setting("rows_per_page"), "25");
    assert_eq!(setting("default_language"), "fr");
    assert_eq!(setting("smtp.host"), "smtp.example.test");
    assert!(matches!(setting("smtp.security").as_str(), "" | "starttls"));
    assert_eq!(setting("smtp.port"), "", "587, the default");
    assert_eq!(setting("smtp.from"), "helpdesk@example.test");
    assert_eq!(setting("smtp.password"), "");
    assert_ne!(setting("smtp.enabled"), "1");
    assert_eq!(setting("user_agency"), "1");
    assert_eq!(setting("asset"), "1");
    assert!(setting("login_message").contains("Bienvenue"));
    assert_eq!(
        app.count("SELECT count(*) FROM settings WHERE value LIKE '%smtp secret%'"),
        0
    );
    assert_eq!(
        app.count("SELECT count(*) FROM settings WHERE value LIKE '%tstates.number%'"),
        0
    );

    // The reminder on ticket 1041, and the intervention planned on it (an hour, in the
    // calendar).
    assert_eq!(
        app.text("SELECT text || '|' || technician_id || '|' || done FROM reminders WHERE ticket_id = 1041"),
        "Rappeler Jean pour le toner|3|0"
    );
    assert_eq!(
        app.text(
            "SELECT note || '|' || technician_id || '|' || (ends_at - starts_at) || '|' || all_day
             FROM interventions WHERE ticket_id = 1041"
        ),
        "Intervention salle 204|3|3600|0"
    );
    assert!(!said.contains("tevents: rows"), "{said}");

    // Availability: Messagerie monitored with its 2024 target, the hardware category a
    // dependency of it.
    assert_eq!(
        app.text(
            "SELECT group_concat(c.name || '/' || COALESCE(s.name, '*'), ',')
             FROM availability_monitored m JOIN categories c ON c.id = m.category_id
             LEFT JOIN subcategories s ON s.id = m.subcategory_id"
        ),
        "Logiciel/Messagerie"
    );
    assert_eq!(
        app.text(
            "SELECT group_concat(c.name || '/' || COALESCE(s.name, '*'), ',')
             FROM availability_dependencies m JOIN categories c ON c.id = m.category_id
             LEFT JOIN subcategories s ON s.id = m.subcategory_id"
        ),
        "Matériel/*"
    );
    assert_eq!(
        app.text("SELECT year || ' ' || target FROM availability_targets"),
        "2024 99.5"
    );
    // The survey: its questions in the site's language (the disabled one kept as removed), and
    // ticket 1041's answers as one spent invitation, a list's answer by its words.
    assert_eq!(
        app.text(
            "SELECT group_concat(q.id || ':' || q.kind || ':' || q.removed || ':' || t.text, '|')
             FROM survey_questions q JOIN survey_question_texts t ON t.question_id = q.id
             WHERE t.lang = 'fr' ORDER BY q.id"
        ),
        "1:scale:0:Êtes-vous satisfait ?|2:text:0:Un commentaire ?|3:choice:0:Par quel moyen ?|4:yes_no:1:Résolu du premier coup ?"
    );
    assert_eq!(
        app.text(
            "SELECT group_concat(a.question_id || '=' || a.answer, '|') FROM survey_answers a
             JOIN survey_invitations i ON i.id = a.invitation_id
             WHERE i.ticket_id = 1041 AND i.answered_at IS NOT NULL ORDER BY a.question_id"
        ),
        "1=4|2=Très rapide, merci|3=2|4=yes"
    );

    // The site's rights, except one that would leave nobody able to administer.
    let granted = |profile: Profile, right: &str| {
        app.count(&format!(
            "SELECT count(*) FROM profile_rights WHERE profile_id = {} AND right_name = '{right}'",
            profile.id()
        ))
    };
    assert_eq!(granted(Profile::Technician, "ticket_delete"), 1);
    assert_eq!(granted(Profile::Technician, "stat"), 0);
    assert_eq!(granted(Profile::Administrator, "admin"), 1);
    assert!(
        said.contains("the administrator profile keeps the right to administer"),
        "{said}"
    );
    assert_eq!(admin.get("/admin/settings").await.status, StatusCode::OK);

    // The asset, its lists, interface and note; the ticket about it.
    assert_eq!(
        app.text(
            "SELECT a.name || '|' || t.name || '|' || m.name || '|' || mf.name || '|' || a.state_id
                    || '|' || a.user_id || '|' || l.name || '|' || a.warranty_end
             FROM assets a JOIN asset_types t ON t.id = a.type_id
             JOIN asset_models m ON m.id = a.model_id
             JOIN asset_manufacturers mf ON mf.id = a.manufacturer_id
             JOIN asset_locations l ON l.id = a.location_id WHERE a.id = 10"
        ),
        format!("PRN-204|Imprimante|LaserJet 4250|HP|2|{jdoe}|Salle 204|2026-04-20")
    );
    assert_eq!(
        app.text("SELECT ip || '|' || mac FROM asset_ifaces WHERE asset_id = 10"),
        "192.168.1.50|00:11:22:AA:BB:CC"
    );
    assert_eq!(
        app.count("SELECT asset_id FROM tickets WHERE id = 1041"),
        10
    );
    assert_eq!(
        app.count("SELECT count(*) FROM asset_states WHERE name = 'En prêt'"),
        1,
        "a state GestSup added"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM asset_states"),
        5,
        "GestSup's four built-in states are the four here"
    );
    assert!(
        app.text("SELECT body FROM asset_events WHERE asset_id = 10")
            .contains("Toner changé")
    );
    let found = admin.get("/assets?q=192.168.1.50").await;
    found.assert_contains("PRN-204");
    assert_eq!(
        size,
        i64::try_from(crate::common::PNG_LOGO.len()).expect("size")
    );
    assert_eq!(
        std::fs::read(app.data_dir().join("attachments").join(&storage)).expect("kept file"),
        crate::common::PNG_LOGO
    );

    // People log in with their GestSup passwords; the administrator here keeps hers.
    let jdoe_client = app.client();
    let r = jdoe_client.login("jdoe", "jdoe old password").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = app.client().login("asmith", "php password").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = app.client().login("admin", ADMIN_PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app.client().login("admin", "gestsup admin").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);

    // Tickets open by their numbers and are found by search; the next one follows.
    let page = admin.get("/tickets/1041").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("Imprimante du 2e étage")
        .assert_contains("Je passe voir à 10h.")
        .assert_contains("photo imprimante.png");
    assert!(!page.body.contains("alert("));
    let found = admin.get("/tickets?view=all&q=messagerie").await;
    found.assert_contains("/tickets/1042");
    let mine = jdoe_client.get("/tickets/1041").await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(
        !mine.body.contains("toner HS"),
        "a private reply stays private"
    );
    let new = crate::common::open_ticket(&app, &admin, &[("title", "After the move")]).await;
    assert_eq!(new, 1045);

    // A second import is refused, and changes nothing.
    let (ok, said) = app.run_command(&["import", "gestsup", "--from", from]);
    assert!(!ok);
    assert!(said.contains("already holds 5 tickets"), "{said}");
    app.stop().await;
}

/// A backup file of `tickets` tickets with two replies each, for one requester and technician.
pub(crate) fn large_backup_file(dir: &std::path::Path, tickets: usize) -> std::path::PathBuf {
    use std::io::Write;
    let path = dir.join("large-backup.sql");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("file"));
    writeln!(
        out,
        "CREATE TABLE `tusers` (`id` int, `login` varchar(255), `password` varchar(255), `profile` int);\n\
         INSERT INTO `tusers` VALUES (10,'requester','',2),(11,'technician','',0);\n\
         CREATE TABLE `tincidents` (`id` int, `title` varchar(100), `description` longtext, `user` int, `technician` int, `state` int, `date_create` datetime);\n\
         CREATE TABLE `tthreads` (`id` int, `ticket` int, `date` datetime, `author` int, `text` longtext, `type` int);"
    )
    .expect("write");
    for chunk in (0..tickets).step_by(200) {
        let rows: Vec<String> = (chunk..(chunk + 200).min(tickets))
            .map(|i| {
                format!(
                    "({},'Ticket {i}','<p>Texte {i}</p>',10,11,2,'2024-01-02 03:04:05')",
                    i + 1
                )
            })
            .collect();
        writeln!(out, "INSERT INTO `tincidents` VALUES {};", rows.join(",")).expect("write");
    }
    for chunk in (0..tickets * 2).step_by(400) {
        let rows: Vec<String> = (chunk..(chunk + 400).min(tickets * 2))
            .map(|i| {
                format!(
                    "({},{},'2024-01-02 04:00:00',11,'<p>Réponse {i}</p>',0)",
                    i + 1,
                    i / 2 + 1
                )
            })
            .collect();
        writeln!(out, "INSERT INTO `tthreads` VALUES {};", rows.join(",")).expect("write");
    }
    out.flush().expect("flush");
    path
}

#[tokio::test]
async fn an_import_killed_halfway_leaves_the_instance_empty_and_importable() {
    use std::io::BufRead;
    let (app, _admin) = TestApp::with_admin().await;
    let dir = tempfile::tempdir().expect("dir");
    let file = large_backup_file(dir.path(), 20_000);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gestdesk"))
        .arg("--data-dir")
        .arg(app.data_dir())
        .args(["import", "gestsup", "--from"])
        .arg(&file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("import");
    // Killed once it has written thousands of tickets (its first progress line).
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = std::io::BufReader::new(stderr).lines();
    let first = lines.next().expect("a progress line").expect("line");
    assert!(first.starts_with("tincidents: 5000 / 20000"), "{first}");
    child.kill().expect("kill");
    child.wait().expect("wait");
    assert_eq!(app.count("SELECT count(*) FROM tickets"), 0);
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE login = 'requester'"),
        0
    );

    let (ok, said) =
        app.run_command(&["import", "gestsup", "--from", file.to_str().expect("path")]);
    assert!(ok, "{said}");
    assert_eq!(app.count("SELECT count(*) FROM tickets"), 20_000);
    assert_eq!(app.count("SELECT count(*) FROM thread_entries"), 40_000);
    assert!(said.contains("integrity_check: ok"), "{said}");
    app.stop().await;
}

/// The 3.1 fixture with its password hash filled in: vieuxtech's md5 "victor 2019".
pub(crate) fn site_31() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gestsup-3.1.sql"),
    )
    .expect("fixture")
    .replace(
        "{{MD5_HASH}}",
        &md5(&format!("oldS4lt{}", md5("victor 2019"))),
    )
}

#[tokio::test]
async fn an_older_gestsup_31_site_comes_over_with_what_it_has() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("gestsup-3.1.sql");
    std::fs::write(&file, site_31()).expect("write");
    the_31_site_comes_over(file.to_str().expect("path")).await;
}

/// The 3.1 site (MyISAM, Latin-1 columns holding UTF-8 bytes) in a real MariaDB comes over
/// read directly, then from its `mysqldump`.
#[tokio::test]
async fn an_older_gestsup_31_database_comes_over_directly_and_from_its_mysqldump() {
    let Some(server) = MariaDb::get() else {
        return;
    };
    let address = server.load("gd_site31", &site_31());
    the_31_site_comes_over(&address).await;

    let dir = tempfile::tempdir().expect("dir");
    let dump = dir.path().join("mysqldump-gestsup-31.sql");
    server.dump("gd_site31", &dump);
    the_31_site_comes_over(dump.to_str().expect("path")).await;
}

/// Imports the 3.1 site from `from` with its upload folder, and checks what it has.
async fn the_31_site_comes_over(from: &str) {
    let (app, admin) = TestApp::with_admin().await;
    let dir = tempfile::tempdir().expect("dir");
    let upload = dir.path().join("upload");
    std::fs::create_dir_all(upload.join("7")).expect("upload");
    std::fs::write(upload.join("7/capture.png"), crate::common::PNG_LOGO).expect("file");

    let (ok, said) = app.run_command(&[
        "import",
        "gestsup",
        "--from",
        from,
        "--files",
        upload.to_str().expect("path"),
    ]);
    assert!(ok, "{said}");
    assert!(
        said.contains("tincidents (img1..img5): read 1, imported 1, left out 0"),
        "{said}"
    );
    assert_eq!(
        app.text(
            "SELECT title || '|' || state_id || '|' || requester_id FROM tickets WHERE id = 7"
        ),
        "Écran noir|3|3"
    );
    assert_eq!(
        app.text("SELECT body FROM thread_entries WHERE id = 70"),
        "Câble remplacé."
    );
    assert_eq!(
        app.count("SELECT private FROM thread_entries WHERE id = 70"),
        0
    );
    assert_eq!(
        app.text("SELECT filename FROM attachments WHERE ticket_id = 7"),
        "capture.png"
    );
    assert_eq!(
        app.text("SELECT coalesce(language, '-') FROM users WHERE login = 'marie'"),
        "-"
    );
    assert_eq!(
        app.text("SELECT lastname FROM users WHERE login = 'marie'"),
        "Curié",
        "UTF-8 read twice is repaired"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM categories"),
        2,
        "a site without categories keeps the ones Gestdesk seeded"
    );
    let r = app.client().login("vieuxtech", "victor 2019").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    admin.get("/tickets/7").await.assert_contains("Écran noir");
    app.stop().await;
}
