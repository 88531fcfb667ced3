//! Shell completions and man pages, generated from the clap definition.

use std::path::PathBuf;

use clap::Args;
use clap_complete::Shell;

use super::Failure;

#[derive(Debug, Args)]
pub(super) struct CompletionArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: Shell,
}

pub(super) fn print(args: CompletionArgs) -> Result<(), Failure> {
    super::output::emit(&String::from_utf8_lossy(&completion(args.shell)))
}

fn completion(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut super::command(), "otpctl", &mut out);
    out
}

/// Man pages: one for `otpctl` and one per subcommand path (`otpctl-patch-identity-config.1`).
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    let mut pages = Vec::new();
    collect_pages(super::command(), "otpctl".to_string(), &mut pages);
    pages
}

fn collect_pages(cmd: clap::Command, name: String, pages: &mut Vec<(String, Vec<u8>)>) {
    let cmd = cmd.name(name.clone());
    let mut out = Vec::new();
    if clap_mangen::Man::new(cmd.clone()).render(&mut out).is_ok() {
        pages.push((format!("{name}.1"), out));
    }
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        collect_pages(sub.clone(), format!("{name}-{}", sub.get_name()), pages);
    }
}

/// Every generated file, relative to the repository root: `completions/otpctl.<shell>`
/// and `docs/man/*.1`. A test checks the committed copies are fresh.
pub fn generated_files() -> Vec<(PathBuf, Vec<u8>)> {
    let shells = [
        (Shell::Bash, "otpctl.bash"),
        (Shell::Zsh, "_otpctl"),
        (Shell::Fish, "otpctl.fish"),
        (Shell::PowerShell, "_otpctl.ps1"),
        (Shell::Elvish, "otpctl.elv"),
    ];
    let mut files: Vec<(PathBuf, Vec<u8>)> = shells
        .into_iter()
        .map(|(shell, name)| (PathBuf::from("completions").join(name), completion(shell)))
        .collect();
    files.extend(
        man_pages()
            .into_iter()
            .map(|(name, page)| (PathBuf::from("docs/man").join(name), page)),
    );
    files
}
