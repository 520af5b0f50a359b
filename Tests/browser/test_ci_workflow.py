"""The pull-request workflow in Docs/ci/ runs the commands it shows: each `fixbook` step of it
runs here, against a copy of the sample help center, with the binary under test on the PATH."""
import os
import pathlib
import shutil
import subprocess

import yaml

REPO = pathlib.Path(__file__).resolve().parents[2]
WORKFLOW = REPO / "Docs" / "ci" / "github-workflow.yml"


def fixbook_steps():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = []
    for name, job in workflow["jobs"].items():
        for step in job["steps"]:
            command = step.get("run", "")
            if command.startswith("fixbook "):
                steps.append((name, command))
    return steps


def test_the_workflow_checks_pull_requests_and_publishes_main():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    commands = [command for _, command in fixbook_steps()]
    assert "fixbook check --format github --strict" in commands
    assert any(command.startswith("fixbook build") for command in commands)
    assert workflow["jobs"]["publish"]["if"] == "github.event_name == 'push'"


def test_each_fixbook_step_runs_on_the_sample(tmp_path):
    binary = pathlib.Path(os.environ["FIXBOOK_BIN"]).resolve()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "fixbook").symlink_to(binary)
    site = tmp_path / "help-center"
    shutil.copytree(REPO / "Content", site / "Content")
    shutil.copytree(REPO / "Templates", site / "Templates")
    shutil.copy(REPO / "fixbook.yml", site / "fixbook.yml")
    environment = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}")
    for job, command in fixbook_steps():
        result = subprocess.run(command, shell=True, cwd=site, env=environment, capture_output=True, text=True)
        assert result.returncode == 0, (job, command, result.stdout, result.stderr)
        if "--format github" in command:
            assert "::error" not in result.stdout and "::warning" not in result.stdout
    assert (site / "site" / "index.html").exists()


def test_a_pull_request_with_a_problem_gets_an_annotation(tmp_path):
    binary = pathlib.Path(os.environ["FIXBOOK_BIN"]).resolve()
    site = tmp_path / "help-center"
    (site / "Content").mkdir(parents=True)
    (site / "Content" / "a.md").write_text("---\ntitle: A\ncodes: [0x800CCCOF]\n---\n## Fix\n\nx\n", encoding="utf-8")
    result = subprocess.run([str(binary), "check", "--format", "github", "--strict"], cwd=site, capture_output=True,
                            text=True)
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=Content/a.md,line=3,"), result.stdout
