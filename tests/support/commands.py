"""
What every management command a plugin ships must offer an operator (ADR 0016): help text for the
command and for each of its options.
"""
from django.core.management import get_commands, load_command_class


def plugin_commands(package):
    """
    ``{name: command}`` of the commands whose app is in ``package`` (e.g. ``"ecommerce_plugin"``).
    """
    return {
        name: load_command_class(app, name)
        for name, app in sorted(get_commands().items())
        if app == package or app.startswith(f"{package}.")
    }


def options_without_help(package):
    """
    ``command --option`` for each option (or the command itself) that has no help text.
    """
    missing = []
    for name, command in plugin_commands(package).items():
        if not (command.help or "").strip():
            missing.append(name)
        for action in command.create_parser("manage.py", name)._actions:
            if not (action.help or "").strip():
                missing.append(f"{name} {'/'.join(action.option_strings) or action.dest}")
    return missing
