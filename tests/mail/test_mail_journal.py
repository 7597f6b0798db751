from mail.base import Mailer
from mail.journal import JournaledMailer


class CountingMailer(Mailer):
    """Counts every hand-over, as an SMTP server would see it (no dedupe)."""

    def __init__(self):
        self.handed_over = []

    def send(self, message_id, sender, recipients, raw):
        self.handed_over.append(message_id)


def test_a_message_id_in_the_journal_is_never_sent_again_even_by_a_new_process(tmp_path):
    smtp = CountingMailer()
    with JournaledMailer(smtp, tmp_path / "sent.journal") as mailer:
        mailer.send("<a@x>", "o@x", ["c@y"], b"raw")
        mailer.send("<a@x>", "o@x", ["c@y"], b"raw")
    # The process died before the store recorded the send; the next one reads the journal.
    with JournaledMailer(smtp, tmp_path / "sent.journal") as mailer:
        mailer.send("<a@x>", "o@x", ["c@y"], b"raw")
        mailer.send("<b@x>", "o@x", ["c@y"], b"raw")
    assert smtp.handed_over == ["<a@x>", "<b@x>"]


def test_a_settled_journal_starts_empty(tmp_path):
    smtp = CountingMailer()
    with JournaledMailer(smtp, tmp_path / "sent.journal") as mailer:
        mailer.send("<a@x>", "o@x", ["c@y"], b"raw")
        mailer.settled()
    assert (tmp_path / "sent.journal").read_text() == ""
    assert not JournaledMailer(smtp, tmp_path / "sent.journal").already_sent("<a@x>")


def test_a_failed_send_is_not_journalled(tmp_path):
    class Refusing(CountingMailer):
        def send(self, *args):
            raise ConnectionError("451 try later")

    mailer = JournaledMailer(Refusing(), tmp_path / "sent.journal")
    try:
        mailer.send("<a@x>", "o@x", ["c@y"], b"raw")
    except ConnectionError:
        pass
    assert not mailer.already_sent("<a@x>")
