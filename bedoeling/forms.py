from django.contrib.auth.forms import PasswordResetForm

from organisations.tasks import send_mail


class QueuedPasswordResetForm(PasswordResetForm):
    """Sends the reset mail through Celery, so a slow mail server never holds up the page."""

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
        send_mail.delay(subject, body, [to_email], html_body, from_email or "")
