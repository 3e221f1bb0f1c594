"""A hostile editor's session in the review app: odd characters on screen, odd edits, odd files.

Each test here failed before the fix it names (see the commit that added it).
"""

from __future__ import annotations

import os

import pytest

from tui import cells
from tui.app import ReviewApp
from tui_helpers import accept_and_save, error_notes, select, settle

# Hindi with emoji the way social posts quote them: a skin-tone modifier and a heart with VS16.
EMOJI = ("कंपनी के सीईओ ने 👍🏽 के साथ लिखा कि नया प्रोडक्ट लॉन्च होगा ❤️ और ग्राहकों की प्रतिक्रिया "
         "अच्छी रही, विश्लेषकों ने 👍🏽👍🏽 कहा कि बाज़ार में प्रतिस्पर्धा बढ़ेगी ❤️❤️ और दाम घटेंगे।\n")


async def calm(pilot) -> None:
    """settle(), unless the app has ended (a crash): then settle would wait for it for ever."""
    for _ in range(3):
        await pilot.pause()
    if pilot.app.is_running:
        await settle(pilot)


def screen_rows(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_emoji_modifiers_and_vs16_take_the_cells_a_glibc_terminal_gives_them(size, tmp_path, engine):
    # tmux and xterm draw 👍🏽 in 4 cells (the modifier is a wide character of its own) and ❤️ in 1
    # (VS16 widens nothing); Rich counted 2 and 2, so a row holding 👍🏽 overflowed the pane and
    # the Hindi word at its end was overprinted by the border.
    path = tmp_path / "emoji.txt"
    path.write_text(EMOJI * 4, encoding="utf-8")
    app = ReviewApp([path], engine)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for row in screen_rows(app):
            assert cells.terminal_width(row) == size[0], row
        width = app.article.scrollable_content_region.width
        for n, line in enumerate(app.session.text.split("\n")):
            strips = app.article._wrap(n)
            assert all(cells.terminal_width(s.text) <= width for s in strips)
            assert " ".join(s.text for s in strips).split() == line.split()


def test_glibc_and_merged_emoji_widths():
    try:
        cells.install("merged")  # kitty, wezterm, Ghostty: one cluster, 2 cells
        assert cells.width("👍🏽") == 2 and cells.width("❤️") == 2
    finally:
        cells.install("glibc")
    assert cells.width("👍🏽") == 4 and cells.width("❤️") == 1
    assert cells.width("ab👍🏽c❤️") == cells.terminal_width("ab👍🏽c❤️") == 8


async def test_resizing_the_terminal_mid_session_relays_the_panes_for_the_new_size(tmp_path, engine):
    # The app read its own size before Textual had stored the new one, so each resize laid the
    # panes out for the size before it: from 200x50 to 80x24 the article and list stayed side by
    # side, the header and borders stayed on, and the footer's keys were cut off.
    path = tmp_path / "story.txt"
    path.write_text(EMOJI * 3, encoding="utf-8")
    app = ReviewApp([path], engine)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        assert not app.screen.has_class("-narrow") and not app.screen.has_class("-short")
        for size, narrow, short in (((80, 24), True, True), ((120, 40), False, False), ((100, 40), True, False)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert app.screen.has_class("-narrow") is narrow and app.screen.has_class("-short") is short, size
            for row in screen_rows(app):
                assert cells.terminal_width(row) == size[0], row
        # with the help open on top: the panes under it follow the new size too
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.resize_terminal(200, 50)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not app.screen.has_class("-narrow") and not app.screen.has_class("-short")


async def test_dismissals_saved_from_two_articles_of_one_folder_are_all_kept(tmp_path, engine):
    # Each session wrote the folder's dismissals file from the copy it read when it opened the
    # article: saving the second article put back the file as it was before the first one's
    # save, and that article's dismissals were gone (its findings came back in `check`).
    import json
    import shutil

    from conftest import SAMPLES

    paths = []
    for name in ("ai_model_race_mt.txt", "phone_launch_mt.txt"):
        shutil.copy(SAMPLES / name, tmp_path / name)
        paths.append(tmp_path / name)
    app = ReviewApp(paths, engine)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket")  # both articles open before either is saved
        await settle(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        for _ in paths:
            await pilot.press("d")
            await pilot.pause()
            await pilot.press("enter")  # this occurrence only
            await pilot.pause()
            await pilot.press("enter")  # no reason
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            await pilot.press("right_square_bracket")
            await settle(pilot)
    stored = json.loads((tmp_path / ".jaanch-suppressions.json").read_text(encoding="utf-8"))
    assert sorted({row["file"] for row in stored}) == sorted(p.name for p in paths)


async def test_a_lock_file_that_cannot_be_made_is_one_line_naming_the_article(tmp_path, engine):
    # A folder (or a read-only folder) where `.NAME.jaanch-lock` goes: the note was Python's own
    # words, "IsADirectoryError: [Errno 21] Is a directory: '…'", not the project's one line.
    path = tmp_path / "story.txt"
    path.write_text(EMOJI, encoding="utf-8")
    (tmp_path / ".story.txt.jaanch-lock").mkdir()
    app = ReviewApp([path], engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        errors = error_notes(app)
        assert len(errors) == 1 and errors[0].startswith(f"{path}: ") and "Error" not in errors[0], errors
        assert "\n" not in errors[0] and ".story.txt.jaanch-lock" in errors[0]
        await pilot.press("a", "e", "d", "u", "ctrl+s")  # nothing open: no key may fail
        await settle(pilot)


async def test_a_save_the_system_refuses_is_one_line_naming_the_article(tmp_path, story, engine):
    # The backup `NAME~` cannot be written (here a named pipe in its place): the note was
    # Python's "[Errno …] …: '…~'"; the decisions stay, unsaved.

    path = story
    before = path.read_bytes()
    os.mkfifo(tmp_path / "story.txt~")
    app = ReviewApp([path], engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await accept_and_save(pilot, "FMT001")
        errors = error_notes(app)
        assert len(errors) == 1 and errors[0].startswith(f"{path}: ") and "Errno" not in errors[0], errors
        assert "\n" not in errors[0] and app.session.dirty
    assert path.read_bytes() == before


async def test_an_accept_does_not_parse_the_whole_article_on_the_ui_thread(tmp_path, story, engine, monkeypatch):
    # Showing the next finding's sentence parsed the whole article (sentences and tokens) to find
    # its line: 1.5 s of each accept, keys queued behind it, on a 2 MB article.
    from audit.core import document
    from audit.review import session as session_module

    path = story
    app = ReviewApp([path], engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select(pilot, "FMT001")
        parsed = []

        def counting(text, *args, **kwargs):
            parsed.append(len(text))
            return document.parse_article(text, *args, **kwargs)

        monkeypatch.setattr(session_module, "parse_article", counting)
        app.action_accept()  # the decision and the screen's refresh, as the key runs them
        whole = len(app.session.text)
        monkeypatch.undo()
        await settle(pilot)
    assert parsed and max(parsed) < whole / 2, (parsed, whole)


@pytest.mark.parametrize("key", ["e", "d", "a"])
async def test_a_dialog_answered_twice_before_it_closes_answers_once(tmp_path, story, engine, key):
    # Enter typed twice fast (a prompt's answer, a choice) reached the dialog twice before it
    # closed: the second answer closed the screen under it, and Textual ended the app with a
    # traceback ("Can't pop screen; there must be at least one screen on the stack").

    from textual.widgets import Input, OptionList


    path = story
    app = ReviewApp([path], engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select(pilot, "ANGL001", "नोट किया")  # several suggestions: accept asks which
        await pilot.press(key)
        await pilot.pause()
        dialog = app.screen
        if key == "e":
            field = dialog.query_one(Input)
            field.value = "ध्यान दिया"
            for _ in range(2):
                dialog.post_message(Input.Submitted(field, field.value))
        else:
            options = dialog.query_one(OptionList)
            for _ in range(2):
                options.post_message(OptionList.OptionSelected(options, options.get_option_at_index(0), 0))
        await calm(pilot)
        if key == "d":  # the reason's prompt came next: answered once too
            field = app.screen.query_one(Input)
            for _ in range(2):
                app.screen.post_message(Input.Submitted(field, ""))
            await calm(pilot)
        assert app.is_running and app.screen is app.screen_stack[0]
        assert app.session.progress()[0] >= 1 and len(app.session.history) == 2  # one decision


def test_an_error_inside_the_app_is_the_one_internal_error_line_not_a_traceback(tmp_path, engine, monkeypatch, capsys):
    # Textual caught it, printed its own traceback (with locals) on the terminal, and the review
    # exited 0. Now the console script's last line of defence has it: one line, exit 3.
    from textual.app import App

    from tui import app as app_module
    from tui.cli import main

    path = tmp_path / "story.txt"
    path.write_text(EMOJI, encoding="utf-8")

    def broken(self):
        raise RuntimeError("a bug in a key's handler")

    monkeypatch.setattr(app_module.ReviewApp, "on_mount", broken)
    monkeypatch.setattr(app_module.ReviewApp, "run", lambda self: App.run(self, headless=True, size=(80, 24)))
    code = main(["review", str(path)])
    err = capsys.readouterr().err
    assert code == 3 and "Traceback" not in err and "locals" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "internal error (RuntimeError: a bug in a key's handler)" in lines[0]


@pytest.mark.parametrize("text", ["", "यह एक साफ़ वाक्य है।\n"])
async def test_an_article_without_findings_says_so_not_that_a_filter_hides_them(tmp_path, engine, text):
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    app = ReviewApp([path], engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = str(app.detail.render())
        assert "No findings in this article" in shown and "filter" not in shown
        await pilot.press("a", "e", "d", "u", "U", "n", "p", "A", "g")  # nothing to act on: nothing breaks
        await calm(pilot)
        while app.screen is not app.screen_stack[0]:
            await pilot.press("escape")
            await pilot.pause()
        assert app.is_running and app.session.text == text


async def test_a_symbolic_link_in_the_locks_place_is_refused_not_followed(tmp_path, engine):
    # The lock was opened through the link and truncated: the file it named (here another
    # article) was left holding the review's process id.
    path = tmp_path / "story.txt"
    path.write_text(EMOJI, encoding="utf-8")
    victim = tmp_path / "other.txt"
    victim.write_text("दूसरा लेख\n", encoding="utf-8")
    (tmp_path / ".story.txt.jaanch-lock").symlink_to(victim.name)
    app = ReviewApp([path], engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        errors = error_notes(app)
        assert len(errors) == 1 and errors[0].startswith(f"{path}: cannot make its review lock"), errors
        assert "a symbolic link is in its place" in errors[0]
    assert victim.read_text(encoding="utf-8") == "दूसरा लेख\n"


async def test_a_symbolic_link_in_the_backups_place_is_replaced_not_written_through(tmp_path, story, engine):
    # `NAME~` a link to another file: the save copied the previous version through the link,
    # over the file it named.

    path = story
    before = path.read_bytes()
    victim = tmp_path / "other.txt"
    victim.write_text("दूसरा लेख\n", encoding="utf-8")
    (tmp_path / "story.txt~").symlink_to(victim.name)
    app = ReviewApp([path], engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await accept_and_save(pilot, "FMT001")
        assert not app.session.dirty
    assert victim.read_text(encoding="utf-8") == "दूसरा लेख\n"
    backup = tmp_path / "story.txt~"
    assert not backup.is_symlink() and backup.read_bytes() == before and path.read_bytes() != before


def test_a_save_whose_dismissals_cannot_be_written_is_not_taken_for_a_change_on_disk(tmp_path, story, engine):
    # The article was written, then the folder's dismissals file could not be: the session still
    # compared the disk with the article as first read, and every later save said "changed on
    # disk since it was opened" about its own write. (The app reads that file afresh before a
    # save, which refuses this one earlier; a script's save, or a file that turns unwritable
    # between that read and the write, met it.)

    from audit.core.errors import JaanchError
    from audit.review.session import ConflictError, ReviewSession

    path = story
    session = ReviewSession.open(path, engine)
    session.start(False)
    (tmp_path / ".jaanch-suppressions.json").mkdir()
    session.accept(next(i for i in session.items if i.finding.code == "FMT001"))
    for _ in range(2):
        with pytest.raises(JaanchError) as refused:
            session.save()
        assert not isinstance(refused.value, ConflictError) and "jaanch-suppressions.json" in str(refused.value)
    assert path.read_text(encoding="utf-8") == session.text
