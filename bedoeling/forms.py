from django.contrib.auth.forms import PasswordResetForm

from organisations.mail import queue_mail


class QueuedPasswordResetForm(PasswordResetForm):
    """Records the reset mail in the outbox: a slow or unreachable mail server or broker never
    holds up the page, and the mail is sent once when they answer."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ) -> None:
        from django.template import loader

        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        html_body = (
            loader.render_to_string(html_email_template_name, context)
            if html_email_template_name
            else None
        )
        queue_mail(subject, body, [to_email], html_body, from_email or "")
