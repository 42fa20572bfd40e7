//! `autherr`: look up, list, render, parse and document the error codes of
//! the catalog compiled into this binary. No files are needed.

#![forbid(unsafe_code)]

mod commands;
mod lookup;
#[path = "../../../build/one_line.rs"]
mod one_line;
mod real_bodies;
mod vectors;

use std::path::PathBuf;
use std::process::ExitCode;

use auth_error_catalog::{Api, Kind};
use clap::builder::TypedValueParser;
use clap::{Parser, Subcommand, ValueEnum};
use one_line::OneLine;

/// Error codes of WSO2 app-native authentication, Auth0, AuthOS and Akamai
/// Identity Cloud Registration, from the embedded catalog.
const EXAMPLES: &str = "Examples:
  autherr lookup token_expired
  autherr list --api auth0 --kind rate_limited --json
  autherr render app_native ABA-60004 --param authenticator_id=abc --include-headers
  echo '{\"error\":\"invalid_grant\"}' | autherr parse --status 403
  autherr docs --format html --output reference.html
  autherr compat catalog/released/0.2.0.json
  autherr vectors | python3 examples/vectors_check.py -- autherr parse
  autherr completions bash > ~/.local/share/bash-completion/completions/autherr";

#[derive(Debug, Parser)]
#[command(name = "autherr", version, about, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The API names, listed in `--help` and in the error for a bad value.
fn api_names() -> impl clap::builder::TypedValueParser<Value = Api> {
    clap::builder::PossibleValuesParser::new(Api::ALL.map(Api::as_str)).try_map(|name| name.parse::<Api>())
}

/// The kind names, listed in `--help` and in the error for a bad value.
fn kind_names() -> impl clap::builder::TypedValueParser<Value = Kind> {
    clap::builder::PossibleValuesParser::new(Kind::ALL.map(Kind::as_str)).try_map(|name| name.parse::<Kind>())
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Finds a code in every API and prints its card (exit 1 when not found).
    Lookup {
        /// `60004`, `ABA-60004`, `TOKEN_EXPIRED`, `token_expired`, `invalid_grant`, `210`, a variant name…
        code: String,
        /// Search this API only.
        #[arg(long, value_parser = api_names())]
        api: Option<Api>,
    },
    /// Lists entries as a table, or as JSON.
    List {
        /// Only this API's entries.
        #[arg(long, value_parser = api_names())]
        api: Option<Api>,
        /// Only entries of this kind.
        #[arg(long, value_parser = kind_names())]
        kind: Option<Kind>,
        /// HTTP status, e.g. 429.
        #[arg(long)]
        status: Option<u16>,
        /// A JSON array of entries instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Prints the exact wire body of an error.
    Render {
        #[arg(value_parser = api_names())]
        api: Api,
        /// The wire code (`ABA-60004`, `210`, `invalid_credentials`) or the variant (`MissingUsername`).
        code: String,
        /// A placeholder value, NAME=VALUE; repeat for each placeholder.
        #[arg(long = "param", value_name = "NAME=VALUE")]
        params: Vec<String>,
        /// A field of the body, NAME=VALUE (`trace_id=4f1c`); see `autherr lookup` for each API's fields.
        #[arg(long = "field", value_name = "NAME=VALUE")]
        fields: Vec<String>,
        /// The same as `--field trace_id=VALUE`.
        #[arg(long)]
        trace_id: Option<String>,
        /// The same as `--field request_token=VALUE`.
        #[arg(long)]
        request_token: Option<String>,
        /// The same as `--field timestamp=VALUE`.
        #[arg(long)]
        timestamp: Option<String>,
        /// A member after the body's own, NAME=JSON (`argument_name="email"`); open formats only.
        #[arg(long = "member", value_name = "NAME=JSON")]
        members: Vec<String>,
        /// Print the status line and headers of the response the crate sends (`to_response`) first.
        #[arg(long)]
        include_headers: bool,
    },
    /// Reads a received body (stdin by default) and classifies it as JSON.
    Parse {
        /// Parse as this API's body instead of detecting it.
        #[arg(long, value_parser = api_names())]
        api: Option<Api>,
        /// The HTTP status the body came with.
        #[arg(long)]
        status: Option<u16>,
        /// A response header, NAME:VALUE (`retry-after: 30`); repeat for each. The `retry` advice reads them.
        #[arg(long = "header", value_name = "NAME:VALUE")]
        headers: Vec<String>,
        /// A file, or `-` for stdin.
        #[arg(default_value = "-")]
        input: PathBuf,
    },
    /// Generates the error reference.
    Docs {
        #[arg(long, value_enum, default_value_t = Format::Markdown)]
        format: Format,
        /// Only these APIs (repeatable).
        #[arg(long, value_parser = api_names())]
        api: Vec<Api>,
        /// Write here, atomically, instead of to stdout.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Compares two catalog documents (`autherr docs --format json`) and classifies every difference:
    /// exit 0 when nothing is breaking, 1 when something is, 2 when a document cannot be read.
    Compat {
        /// The released document, e.g. `catalog/released/0.2.0.json`.
        old: PathBuf,
        /// The new document; the catalog embedded in this binary when left out.
        new: Option<PathBuf>,
        /// A JSON report (`schema/compat.schema.json`) instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Prints the conformance suite as JSON Lines (`schema/vectors.schema.json`): every entry in its
    /// native and problem+json forms, hostile responses and the real bodies of `tests/data/bodies/`,
    /// each with the response and what a classifier should say of it.
    Vectors,
    /// Prints a shell completion script (`autherr completions bash > ~/.local/share/bash-completion/completions/autherr`).
    Completions { shell: clap_complete::Shell },
}

/// A documentation format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Markdown,
    Json,
    Openapi,
    Html,
}

/// The completion script for `shell`, generated from the same definition
/// `--help` shows, so it lists every subcommand, option and value.
fn completions(shell: clap_complete::Shell) -> Result<ExitCode, Failure> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut <Cli as clap::CommandFactory>::command(), "autherr", &mut script);
    write_out(&String::from_utf8_lossy(&script))?;
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Lookup { code, api } => lookup::run(&code, api),
        Command::List { api, kind, status, json } => commands::list(api, kind, status, json),
        Command::Render {
            api,
            code,
            params,
            mut fields,
            trace_id,
            request_token,
            timestamp,
            members,
            include_headers,
        } => {
            let named = [("trace_id", trace_id), ("request_token", request_token), ("timestamp", timestamp)];
            fields.extend(named.into_iter().filter_map(|(name, value)| Some(format!("{name}={}", value?))));
            let fields = commands::Fields { fields, members };
            commands::render(api, &code, &params, fields, include_headers)
        }
        Command::Parse { api, status, headers, input } => commands::parse(api, status, &headers, &input),
        Command::Docs { format, api, output } => commands::docs(format, &api, output.as_deref()),
        Command::Compat { old, new, json } => commands::compat(&old, new.as_deref(), json),
        Command::Vectors => {
            vectors::suite().map_err(Failure::no).and_then(|suite| write_out(&suite)).map(|()| ExitCode::SUCCESS)
        }
        Command::Completions { shell } => completions(shell),
    };
    match outcome {
        Ok(code) => code,
        Err(failure) => {
            // A message may quote command-line input: newlines, terminal escapes.
            if !failure.message.is_empty() {
                eprintln!("autherr: {}", OneLine(&failure.message));
            }
            failure.exit
        }
    }
}

/// A failure: its one-line message and exit code.
#[derive(Debug)]
pub struct Failure {
    message: String,
    exit: ExitCode,
}

impl Failure {
    /// Not found, or not an error body: exit 1.
    fn no(message: impl Into<String>) -> Self {
        Failure { message: message.into(), exit: ExitCode::from(1) }
    }

    /// The reader closed standard output (`autherr list | head`): stop, quietly, as other tools do.
    fn closed_output() -> Self {
        Failure { message: String::new(), exit: ExitCode::SUCCESS }
    }

    /// A usage error clap cannot see (a bad `--param` or `--member`): exit 2, as clap's own.
    fn usage(message: impl Into<String>) -> Self {
        Failure { message: message.into(), exit: ExitCode::from(2) }
    }
}

/// `yes` or `no`, as the tables and cards write a flag.
pub fn yes_no(flag: bool) -> &'static str {
    if flag { "yes" } else { "no" }
}

/// Writes `text` to standard output. `println!` would panic on a closed pipe.
pub fn write_out(text: &str) -> Result<(), Failure> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::closed_output()),
        Err(error) => Err(Failure::no(format!("cannot write to standard output: {error}"))),
    }
}
