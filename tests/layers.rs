//! The layers of ARCHITECTURE.md: the domain is pure, and only `store` touches redb.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn offending(dir: &str, crates: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut files);
    assert!(!files.is_empty(), "no files under {dir}");
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for c in crates {
                if code.contains(&format!("{c}::")) || code.contains(&format!("use {c}")) {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn domain_imports_no_storage_or_terminal_crate() {
    let bad = offending("src/domain", &["redb", "ratatui", "crossterm"]);
    assert!(
        bad.is_empty(),
        "src/domain must stay pure:\n{}",
        bad.join("\n")
    );
}

#[test]
fn only_the_store_touches_redb() {
    for dir in [
        "src/service",
        "src/cli",
        "src/io",
        "src/catalogue",
        "src/i18n",
        "src/remote",
    ] {
        let bad = offending(dir, &["redb"]);
        assert!(
            bad.is_empty(),
            "{dir} reaches past the service:\n{}",
            bad.join("\n")
        );
    }
}

#[test]
fn the_screens_hold_the_api_not_the_service() {
    // The screens work the same on the file and through `kizuna serve` only if they
    // never hold the service itself.
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui"),
        &mut files,
    );
    let mut bad = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if ["Service::open", "service::Service", "service::{Service"]
                .iter()
                .any(|w| code.contains(w))
            {
                bad.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "src/tui must call through remote::Api:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_checker_would_catch_an_import() {
    // The scan itself must see imports, or the tests above prove nothing.
    let bad = offending("src/store", &["redb"]);
    assert!(!bad.is_empty());
}
