//! `coproduce admin create`: the first administrator.

use std::io::BufRead;

use clap::Subcommand;
use coproduce_app::{Actor, Clock, Context, Mailer, Settings, accounts, password};
use coproduce_domain::account::{Role, check_password};
use coproduce_domain::text;
use coproduce_store::accounts::AccountFields;

use crate::run::open;
use crate::{DbArgs, Failure};

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Make an administrator account. Without --password-stdin it prints a link,
    /// valid for 24 hours, where the administrator chooses a password.
    #[command(after_help = "Examples:
  coproduce admin create --email ann@trust.example --name \"Ann Smith\"
  printf '%s\\n' \"$PASSWORD\" | coproduce admin create --email ann@trust.example --name \"Ann Smith\" --password-stdin")]
    Create {
        /// The administrator's email address: their sign-in.
        #[arg(long)]
        email: String,
        /// Their name, as shown in Coproduce.
        #[arg(long)]
        name: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
        /// The address people reach Coproduce at, for the link.
        #[arg(
            long,
            env = "COPRODUCE_PUBLIC_URL",
            default_value = "http://127.0.0.1:8080"
        )]
        public_url: String,
        #[command(flatten)]
        db: DbArgs,
    },
}

pub async fn run(cmd: AdminCommand) -> Result<(), Failure> {
    let AdminCommand::Create {
        email,
        name,
        password_stdin,
        public_url,
        db,
    } = cmd;
    let email = text::email(&email).map_err(|e| Failure::input(format!("--email: {e}")))?;
    let name =
        text::required(&name, text::SHORT).map_err(|e| Failure::input(format!("--name {e}")))?;
    let password = if password_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map_err(|e| {
            Failure::input(format!("cannot read the password from standard input: {e}"))
        })?;
        let p = line.trim_end_matches(['\r', '\n']).to_string();
        check_password(&p).map_err(|e| Failure::input(format!("the password {e}")))?;
        Some(p)
    } else {
        None
    };
    let store = open(&db.url()).await?;
    let public_url = public_url.trim_end_matches('/').to_string();
    let ctx = Context::new(
        store,
        Clock::System,
        Mailer::None,
        Settings {
            public_url: public_url.clone(),
            ..Settings::default()
        },
    );
    let fields = AccountFields {
        email: email.clone(),
        name,
        role: Role::Administrator,
        organisation_id: None,
    };
    let refused = crate::refused;
    match password {
        Some(p) => {
            let hash = password::hash(p).await.map_err(Failure::running)?;
            accounts::create_with_password(&ctx, &Actor::system(), &fields, &hash)
                .await
                .map_err(refused)?;
            println!("Administrator {email} created. Sign in at {public_url}/sign-in");
        }
        None => {
            let invited = accounts::invite(
                &ctx,
                &Actor::system(),
                &fields,
                accounts::FIRST_INVITATION_LIFETIME,
                // Never called: there is no mailer here, so the link is printed.
                |_| accounts::Letter::default(),
            )
            .await
            .map_err(refused)?;
            println!(
                "Administrator {email} created. Open this link within 24 hours to choose a password:"
            );
            println!("{}", invited.link);
        }
    }
    Ok(())
}
