"""
Every management command of the plugin has help text for itself and for each option (ADR 0016).
"""
from support.commands import options_without_help, plugin_commands


def test_the_plugin_ships_its_commands():
    assert "audit_course_types" in plugin_commands("discovery_plugin")


def test_every_command_and_option_has_help():
    assert options_without_help("discovery_plugin") == []
