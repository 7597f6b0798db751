"""The `orderloop` command line. Commands that run no flow never import Prefect
(it costs 1.4 s), so `orderloop parse` stays quick."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from store.errors import StoreError

from flows.settings import Settings

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="orderloop: order emails in, validated order records out.\n\n"
                       "Everything lives under ORDERLOOP_HOME (default ./var): the inbox Maildir mail/inbox, the "
                       "outbox, the store (TinyDB; or PostgreSQL with ORDERLOOP_DATABASE_URL) and the archive. "
                       "Settings are ORDERLOOP_* environment variables: "
                       "ORDERLOOP_IMAP_HOST/_PORT/_USER/_PASSWORD/_SSL, ORDERLOOP_SMTP_HOST/_PORT/_USER/_PASSWORD/"
                       "_STARTTLS, ORDERLOOP_ADDRESS, ORDERLOOP_COMPANY, ORDERLOOP_TRACKING_URL/_CUSTOMER/_KEY, "
                       "ORDERLOOP_POLL_INTERVAL_SECONDS, ORDERLOOP_AUTHSERV_ID, ... (README). The flows report to "
                       "the Prefect server at PREFECT_API_URL.")
orders_app = typer.Typer(no_args_is_help=True, help="Look at stored orders.")
app.add_typer(orders_app, name="orders")
cases_app = typer.Typer(no_args_is_help=True, help="Look at after-sales cases (售后单).")
app.add_typer(cases_app, name="cases")


@app.callback(invoke_without_command=True)
def _every_command(ctx: typer.Context,
                   version: bool = typer.Option(False, "--version", help="Print the version and stop.")):
    """Runs before every command: the version, and the inbox Maildir made, so that mail can be
    dropped into ORDERLOOP_HOME/mail/inbox from the first command on."""
    if ctx.invoked_subcommand is None and not version:
        typer.echo(ctx.get_help())
        raise typer.Exit()
    if version:
        from importlib.metadata import PackageNotFoundError, version as installed

        try:
            typer.echo(f"orderloop {installed('orderloop')}")
        except PackageNotFoundError:
            typer.echo("orderloop (not installed)")
        raise typer.Exit()
    if ctx.invoked_subcommand == "parse":  # reads one file: leaves no folder where it is run
        return
    settings = Settings()
    if not settings.imap_host:
        for sub in ("cur", "new", "tmp"):
            (settings.inbox_dir / sub).mkdir(parents=True, exist_ok=True)


class UserError(Exception):
    """A problem the user can fix; shown as one line, exit status 1."""


def emit(data) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@app.command()
def parse(file: Path, as_json: bool = typer.Option(False, "--json", help="Print the DESIGN.md contract.")):
    """Parse one .eml file and show what the pipeline reads from it."""
    from flows.reading import read_email

    if not file.is_file():
        raise UserError(f"{file}: no such file")
    result = read_email(file.read_bytes())
    if as_json:
        emit(result.contract())
        return
    typer.echo(f"kind: {result.kind}    subject: {result.envelope.subject}")
    if result.draft:
        for line in result.draft.lines:
            typer.echo(f"  {line.line_no}. {line.sku or ''} {line.name or ''} {line.spec or ''} "
                       f"{line.quantity or '?'} {line.unit or ''} × {line.unit_price or '?'}")
    if result.reply:
        typer.echo(f"  reply to {result.reply.order_no}: {result.reply.intent} {result.reply.reason or ''}")
    for p in result.problems:
        typer.echo(f"  ! {p.field}: {p.code}: {p.detail}")


@app.command()
def poll():
    """Run one pass of every flow in this process."""
    from flows.components import open_repository

    # A store or master file that does not parse stops the poll here, with one
    # line (StoreCorrupt, see main), before a flow starts or a message is read.
    open_repository(Settings()).check()
    from flows.deadlines import deadlines_flow
    from flows.intake import intake_flow
    from flows.tracking import tracking_flow
    import asyncio

    emit({"intake": asyncio.run(intake_flow()), "deadlines": deadlines_flow(), "tracking": tracking_flow()})


@app.command()
def doctor(as_json: bool = typer.Option(False, "--json", help="The problems as JSON."),
           restore: bool = typer.Option(False, "--restore",
                                        help="Replace a store file that does not parse by its .bak (the previous "
                                             "commit)."),
           requeue: bool = typer.Option(False, "--requeue",
                                        help="Handle again the messages quarantined by a failure of ours.")):
    """Check the store, the audit trail, the document archive and the outbox against each other."""
    from flows.doctor import examine

    report = examine(Settings(), restore_files=restore, requeue=requeue)
    if as_json:
        emit(report.as_dict())
    else:
        for action in report.actions:
            typer.echo(action)
        for finding in report.findings:
            typer.echo(finding.line())
        if not report.findings:
            typer.echo("no problems found")
    if report.findings:
        raise typer.Exit(1)


@app.command()
def serve(ephemeral: bool = typer.Option(False, "--ephemeral", help="Run without a Prefect server: a temporary "
                                                                    "API whose history is lost when serve stops."),
          poll: Optional[int] = typer.Option(None, help="Seconds between intake runs (ORDERLOOP_POLL_INTERVAL_SECONDS)."),
          timers: Optional[int] = typer.Option(None, help="Seconds between timer runs "
                                                          "(ORDERLOOP_DEADLINE_INTERVAL_SECONDS)."),
          tracking: Optional[int] = typer.Option(None, help="Seconds between carrier queries "
                                                            "(ORDERLOOP_TRACKING_INTERVAL_SECONDS).")):
    """Serve every flow (intake, timers, tracking) on its schedule, for a Prefect server
    (PREFECT_API_URL, where ops watch the runs in the UI)."""
    import os

    if not os.environ.get("PREFECT_API_URL") and not ephemeral:
        raise UserError("no Prefect server: set PREFECT_API_URL (e.g. http://127.0.0.1:4200/api after "
                        "`prefect server start`), or run `orderloop serve --ephemeral` and lose the history on stop")
    for name, value in (("POLL", poll), ("DEADLINE", timers), ("TRACKING", tracking)):
        if value is not None:
            os.environ[f"ORDERLOOP_{name}_INTERVAL_SECONDS"] = str(value)
    # Served runs tell ops what they did (a line per order touched) in the UI's logs; one-shot
    # commands stay quiet (flows/prefect_env.py). A run the inbox watcher starts is picked up
    # within a second or two. Set before Prefect reads its settings.
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    os.environ.setdefault("PREFECT_RUNNER_POLL_FREQUENCY", "1")
    from prefect import serve as serve_deployments

    from flows.deadlines import deadlines_flow
    from flows.intake import intake_flow
    from flows.tracking import tracking_flow
    from flows.watch import start_watching

    settings = Settings()
    start_watching(settings)  # new mail starts an intake run at once; the interval is the fallback
    # One run of each flow at a time: a slow intake is never overtaken by the next one.
    serve_deployments(intake_flow.to_deployment(name="intake", interval=settings.poll_interval_seconds,
                                                concurrency_limit=1),
                      deadlines_flow.to_deployment(name="review-deadlines", concurrency_limit=1,
                                                   interval=settings.deadline_interval_seconds),
                      tracking_flow.to_deployment(name="tracking", interval=settings.tracking_interval_seconds,
                                                  concurrency_limit=1))


@app.command()
def deploy(pool: str = typer.Option("orderloop", help="The process work pool (made if missing)."),
           poll: Optional[int] = typer.Option(None, help="Seconds between intake runs "
                                                         "(ORDERLOOP_POLL_INTERVAL_SECONDS)."),
           timers: Optional[int] = typer.Option(None, help="Seconds between timer runs "
                                                           "(ORDERLOOP_DEADLINE_INTERVAL_SECONDS)."),
           tracking: Optional[int] = typer.Option(None, help="Seconds between carrier queries "
                                                             "(ORDERLOOP_TRACKING_INTERVAL_SECONDS).")):
    """Register every flow (intake, timers, tracking) with the Prefect server (PREFECT_API_URL) as
    deployments of a process work pool, on the schedules `serve` uses, for workers to run. Start
    each worker with `prefect worker start --pool orderloop --type process` in the environment that
    holds the ORDERLOOP_* settings: the runs take them from their worker."""
    from flows.deploy import deploy as register

    for name, _ in register(pool, poll=poll, timers=timers, tracking=tracking):
        typer.echo(f"{name}: deployed to the work pool {pool}")
    typer.echo(f"start workers with: prefect worker start --pool {pool} --type process")


@app.command()
def watch():
    """Watch the inbox (IMAP IDLE, or the Maildir listed twice a second) and start a run of the
    intake deployment as soon as mail arrives: for workers (`orderloop deploy`), which have no
    watcher of their own (`serve` has one built in). Needs PREFECT_API_URL."""
    import os

    if not os.environ.get("PREFECT_API_URL"):
        raise UserError("no Prefect server: set PREFECT_API_URL (the server the workers take their runs from)")
    from flows.watch import start_watching

    stop = start_watching(Settings())
    typer.echo("watching the inbox; new mail starts an intake run (Ctrl-C stops)")
    try:
        while not stop.wait(3600):
            pass
    except KeyboardInterrupt:
        stop.set()


@app.command("import")
def import_(kind: str = typer.Argument(..., help="customers, products, staff, stock or payments"),
            file: Path = typer.Argument(...)):
    """Load master data, a stock take (sku,on_hand), or payments received
    (date,order_no,amount,reference) from a CSV file (UTF-8 or GBK, header row); all rows or none."""
    from flows.components import open_repository
    from flows.masterdata import MODELS, ImportFailed, import_master

    if kind not in (*MODELS, "payments", "stock"):
        raise UserError(f"unknown master data {kind!r}: use customers, products, staff, stock or payments")
    if not file.is_file():
        raise UserError(f"{file}: no such file")
    settings = Settings()
    try:
        if kind == "payments":
            from flows.payments import import_payments

            count = import_payments(open_repository(settings), file, settings, settings.current_time())
            typer.echo(f"recorded {count} payment(s) from {file}; the mails go with the next poll")
            return
        if kind == "stock":
            from flows.stocktake import import_stock

            count = import_stock(open_repository(settings), file)
            typer.echo(f"stock counted for {count} SKU(s) from {file}")
            return
        count = import_master(open_repository(settings), kind, file)
    except ImportFailed as exc:
        raise UserError(str(exc)) from exc
    typer.echo(f"imported {count} {kind} from {file}")


@app.command()
def stock(as_json: bool = typer.Option(False, "--json", help="The rows as JSON.")):
    """Stock per SKU: on hand (the products list), reserved by effective orders, available."""
    from flows.components import open_repository
    from flows.stock import stock_ledger

    repository = open_repository(Settings())
    names = {product.sku: product.name for product in repository.master().products()}
    rows = [dict(row.model_dump(mode="json"), name=names.get(row.sku)) for row in stock_ledger(repository).rows()]
    if as_json:
        emit(rows)
        return
    typer.echo(f"{'SKU':<14} {'on hand':>10} {'reserved':>10} {'available':>10}  name")
    for row in rows:
        typer.echo(f"{row['sku']:<14} {row['on_hand']:>10} {row['reserved']:>10} {row['available']:>10}  {row['name'] or ''}")


@app.command("unregister")
def unregister(address: str = typer.Argument(..., help="an address a rep confirmed for a customer")):
    """Take back a rep's 确认: the address no longer speaks for any customer.
    (Addresses in the customer list's email column change by importing it.)"""
    from flows.components import open_repository

    with open_repository(Settings()).unit_of_work() as uow:
        codes = uow.remove_customer_address(address)
    if not codes:
        raise UserError(f"{address} is not a confirmed address of any customer")
    typer.echo(f"{address} no longer speaks for {', '.join(codes)}")


@orders_app.command("list")
def orders_list(as_json: bool = typer.Option(False, "--json"), status: Optional[str] = None,
                archived: bool = typer.Option(False, "--archived", help="Include archived orders."),
                overdue: bool = typer.Option(False, "--overdue", help="Only orders with a clock past its deadline.")):
    """List orders, newest first, with the review deadline of those awaiting the manager."""
    from flows.components import open_repository
    from orders.status import Status
    from orders.deadlines import is_overdue
    from store.keys import order_sort_key

    if status is not None and status not in Status.__members__.values():
        raise UserError(f"unknown status {status!r}: one of {', '.join(Status)}")
    settings = Settings()
    now = settings.current_time()
    found = open_repository(settings).list_orders(Status(status) if status else None, include_archived=archived)
    if overdue:
        found = [o for o in found if is_overdue(o, now)]
    rows = [summary(o, now) for o in sorted(found, key=lambda o: order_sort_key(o.order_no), reverse=True)]
    if as_json:
        emit(rows)
        return
    for r in rows:
        due = ""
        if r["review_due_at"]:
            due = f"  review due {r['review_due_at'][:16]}" + (" OVERDUE" if r["overdue"] else "")
        for timer in r["overdue_timers"]:
            due += f"  [{timer['kind']}: {timer['label']}, {timer['overdue_minutes']} min past {timer['due_at'][:16]}]"
        typer.echo(f"{r['order_no']}  {r['status_label']:<6} {r['customer'] or '?':<20} "
                   f"{r['total_payable'] or '—':>12}  {len(r['problems'])} question(s){due}")


def summary(order, now) -> dict:
    from orders.deadlines import is_overdue, overdue_timers

    review = order.timer("review") if order.status == "manager_review" else None
    due = review.due_at if review else None
    return {"order_no": order.order_no, "status": order.status.value, "status_label": order.status.label,
            "customer": order.customer.name, "customer_code": order.customer.code,
            "total_payable": None if order.total_payable is None else str(order.total_payable),
            "version": order.version, "problems": [p.model_dump() for p in order.problems],
            "updated_at": order.updated_at.isoformat(),
            "review_due_at": due.isoformat() if due else None, "overdue": is_overdue(order, now),
            "review_misses": review.misses if review else 0,
            "overdue_timers": [{"kind": t.kind, "label": t.label, "due_at": t.due_at.isoformat(), "misses": t.misses,
                                "overdue_minutes": int(t.age(now).total_seconds() // 60)}
                               for t in overdue_timers(order, now)]}


@orders_app.command("show")
def orders_show(order_no: str, as_json: bool = typer.Option(False, "--json")):
    """One order: the record, its status and its audit trail."""
    from flows.components import open_repository

    repository = open_repository(Settings())
    order = repository.get_order(order_no)
    if order is None:
        raise UserError(f"no order {order_no}")
    record = order.model_dump(mode="json")
    record["status_label"] = order.status.label
    record["audit_trail"] = [e.model_dump(mode="json") for e in repository.audit_trail(order_no)]
    if as_json:
        emit(record)
        return
    typer.echo(f"{order.order_no}  {order.status.label} ({order.status.value})  version {order.version}")
    typer.echo(f"customer: {order.customer.name} {order.customer.code or ''}  payable: {order.total_payable}")
    for event in record["audit_trail"]:
        change = (f"{event['from_status']} → {event['to_status']}" if event["kind"] == "transition"
                  else f"[{event['kind']}]")
        source = f"  <{event['message_id'].strip('<>')}>" if event["message_id"] else ""
        typer.echo(f"  {event['at']}  {change}  {event['actor']}: {event['reason']}{source}")


@cases_app.command("list")
def cases_list(as_json: bool = typer.Option(False, "--json"),
               state: Optional[str] = typer.Option(None, help="open, solution_sent or resolved"),
               archived: bool = typer.Option(False, "--archived", help="Include the cases of archived orders.")):
    """Every after-sales case, newest first: its number, order, state, when it opened and the problem."""
    from flows.components import open_repository

    if state is not None and state not in ("open", "solution_sent", "resolved"):
        raise UserError(f"unknown state {state!r}: one of open, solution_sent, resolved")
    orders = open_repository(Settings()).list_orders(include_archived=archived)
    rows = sorted((case.summary(order.order_no) for order in orders for case in order.cases
                   if state is None or case.state == state), key=lambda row: row["case_no"], reverse=True)
    if as_json:
        emit(rows)
        return
    for row in rows:
        typer.echo(f"{row['case_no']}  {row['order_no']}  {row['state']:<13} {row['opened_at'][:16]}  {row['problem'][:60]}")


@cases_app.command("show")
def cases_show(case_no: str, as_json: bool = typer.Option(False, "--json")):
    """One case: the problem, the photos, every solution and the customer's answers."""
    from flows.components import open_repository

    wanted = case_no.strip().upper()
    found = next(((order, case) for order in open_repository(Settings()).list_orders(include_archived=True)
                  for case in order.cases if case.case_no == wanted), None)
    if found is None:
        raise UserError(f"no case {case_no}")
    order, case = found
    record = case.summary(order.order_no) | case.model_dump(mode="json")
    if as_json:
        emit(record)
        return
    typer.echo(f"{case.case_no}  order {order.order_no}  {case.state}  opened {record['opened_at'][:16]} "
               f"by {case.opened_by} ({case.source}); solution due {record['due_at'][:16]}")
    typer.echo(f"problem: {case.problem}" + (f"\nphotos: {', '.join(case.photos)}" if case.photos else ""))
    for solution in case.solutions:
        typer.echo(f"  {solution.at.isoformat()[:16]}  solution by {solution.by}: {solution.text}")
    for answer in case.answers:
        typer.echo(f"  {answer.at.isoformat()[:16]}  customer ({'satisfied' if answer.satisfied else 'not satisfied'}): "
                   f"{answer.text}")


@app.command()
def board(as_json: bool = typer.Option(False, "--json")):
    """The order board: open orders by status, whom each waits on and since when, every overdue
    clock, quarantined messages and refused mail (the Prefect UI's `order-board` artifact)."""
    from rich.console import Console
    from rich.table import Table

    from flows.board import read_board
    from flows.components import open_repository

    settings = Settings()
    found = read_board(open_repository(settings), settings.current_time())
    if as_json:
        emit(found.as_dict())
        return
    table = Table(title=f"订单看板 Order board {found.at:%Y-%m-%d %H:%M}")
    for column in ("order", "status", "customer", "waits on", "since", "overdue"):
        table.add_column(column)
    for row in found.rows:
        overdue = "; ".join(f"{c.kind} +{c.age_minutes} min" for c in row.overdue)
        table.add_row(row.order_no, row.status_label, row.customer or "—", ", ".join(row.waits_on),
                      f"{row.since:%m-%d %H:%M}", overdue)
    console = Console()
    console.print(table)
    console.print(f"quarantined: {len(found.quarantined)}   refused mail: {len(found.refused_mail)}")
    for item in found.quarantined[-10:]:
        console.print(f"  [quarantine] {item['subject'] or '—'}: {item['reason']}", markup=False)
    for item in found.refused_mail[-10:]:
        console.print(f"  [refused] {item['order_no'] or '—'} to {item['to']}: {item['reason']}", markup=False)


@app.command()
def notices(late: bool = typer.Option(False, "--late", help="Only the customer notices that took over 24 h or "
                                                              "were never sent (the procedure's 24-hour rule)."),
            as_json: bool = typer.Option(False, "--json")):
    """The customer's notice of each status change they see (effective, in production, shipped,
    delayed, delivered, closed); with --late, those that broke the 24-hour rule."""
    from flows.components import open_repository
    from orders.notice import late_notices

    if not late:
        raise UserError("say which notices: orderloop notices --late [--json]")
    settings = Settings()
    repository, now = open_repository(settings), settings.current_time()
    rows = [row for order in repository.list_orders(include_archived=True)
            for row in late_notices(order, repository.audit_trail(order.order_no), now)]
    if as_json:
        emit(rows)
        return
    for row in rows:
        when = "never sent" if row["never_sent"] else f"sent {row['notice_at'][:16]}"
        typer.echo(f"{row['order_no']}  {row['change']:<16} changed {row['changed_at'][:16]}  {when} "
                   f"({row['hours']} h)")
    typer.echo(f"{len(rows)} late customer notice(s)")


@app.command()
def render(order_no: str, doc: str = typer.Option("order", "--doc",
                                                 help="order, requirements, outbound, shipping or signoff")):
    """Render one of an order's documents into its archive folder (a new version) and print the path."""
    from flows.components import open_repository
    from flows.documents import Documents
    from templates.documents import KINDS

    if doc not in KINDS:
        raise UserError(f"unknown document {doc!r}: one of {', '.join(KINDS)}")
    settings = Settings()
    repository = open_repository(settings)
    order = repository.get_order(order_no)
    if order is None:
        raise UserError(f"no order {order_no}")
    typer.echo(Documents(settings).render(order, doc, repository.master(), again=True).path)


@app.command()
def demo(home: Optional[Path] = typer.Option(None, help="Folder for the demo (default: a new demo-… folder).")):
    """Run the lifecycle on the embedded defaults in a fresh folder and show the results."""
    from flows.demo import run_demo

    run_demo(home)


store_app = typer.Typer(no_args_is_help=True, help="The store itself: copy it into PostgreSQL.")
app.add_typer(store_app, name="store")


@app.command()
def migrate(url: Optional[str] = typer.Option(None, help="The database (default: ORDERLOOP_DATABASE_URL).")):
    """Bring a PostgreSQL store's schema up to this orderloop's version (each migration once)."""
    import psycopg

    from store.pg_schema import LATEST, migrate as apply_migrations

    url = url or Settings().database_url
    if not url:
        raise UserError("no database: set ORDERLOOP_DATABASE_URL=postgresql://user@host:port/db or give --url "
                        "(the embedded TinyDB store needs no migration)")
    with psycopg.connect(url, autocommit=True) as connection:
        done = apply_migrations(connection)
    typer.echo(f"applied migration(s) {', '.join(map(str, done))}; at schema version {LATEST}" if done
               else f"nothing to do: at schema version {LATEST}")


@store_app.command("copy")
def store_copy(url: str = typer.Argument(..., help="postgresql://user@host:port/db: an empty database")):
    """Copy the store in use (orders, audit trail, master data, payments, cases, message
    records, counters, unsent mail) into an empty PostgreSQL database, and check the copy by
    counts and checksums. Stop `orderloop serve` first, so nothing changes meanwhile; then set
    ORDERLOOP_DATABASE_URL to the copy and start it again."""
    from flows.components import open_repository
    from flows.outgoing import outgoing_dir
    from store.copy import CopyRefused, copy_store
    from store.pg_store import PgRepository

    settings = Settings()
    if settings.database_url and settings.database_url == url:
        raise UserError("that is the store in use: copy into another, empty database")
    source, target = open_repository(settings), PgRepository(url)
    try:
        checked = copy_store(source, target, outgoing_dir(settings))
    except CopyRefused as exc:
        raise UserError(str(exc)) from exc
    finally:
        target.close()
    for table, (count, checksum) in checked.items():
        typer.echo(f"{table:10} {count:>8} rows  sha256 {checksum[:16]}…  same as the source")
    typer.echo(f"copied and checked: set ORDERLOOP_DATABASE_URL={url} and start orderloop again")


def main() -> None:
    try:
        app()
    except UserError as exc:
        typer.echo(f"orderloop: {exc}", err=True)
        sys.exit(1)
    except StoreError as exc:  # names the file and the remedy itself
        typer.echo(f"orderloop: {exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # infrastructure trouble: one line, not a traceback
        typer.echo(f"orderloop: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
