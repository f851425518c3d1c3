"""A data folder on a network share, a mapped network drive or a synced folder is warned about,
because SQLite is not safe there; a folder on this computer's own disk is not."""

from pathlib import Path, PureWindowsPath

from pledge_desktop.paths import storage_warning

LOCAL = [("/", "ext4"), ("/home", "ext4")]


def test_local_folders_raise_no_warning() -> None:
    assert storage_warning(Path("/home/nurse/.local/share/Pledge Desktop"), mounts=LOCAL) is None
    assert (
        storage_warning(
            PureWindowsPath(r"C:\Users\nurse\AppData\Local\Pledge Desktop"),  # type: ignore[arg-type]
            platform="win32",
            remote_drive=False,
        )
        is None
    )


def test_network_shares_and_drives_are_named() -> None:
    unc = storage_warning(Path(r"\\trust-fs01\breast\pledge"), mounts=LOCAL)
    assert unc is not None and "network share" in unc and "this computer" in unc
    mapped = storage_warning(
        PureWindowsPath(r"H:\Pledge"),  # type: ignore[arg-type]
        platform="win32",
        remote_drive=True,
    )
    assert mapped is not None and "network drive (H:)" in mapped
    nfs = storage_warning(Path("/mnt/shared/pledge"), mounts=[*LOCAL, ("/mnt/shared", "nfs4")])
    assert nfs is not None and "nfs4" in nfs


def test_synced_folders_are_named() -> None:
    for folder in (
        PureWindowsPath(r"C:\Users\nurse\OneDrive - Northdale NHS Trust\Pledge"),
        PureWindowsPath(r"C:\Users\nurse\OneDrive\Pledge"),
        Path("/home/nurse/Dropbox/pledge"),
    ):
        said = storage_warning(folder, platform="win32", remote_drive=False, mounts=LOCAL)  # type: ignore[arg-type]
        assert said is not None and "synced" in said, folder


def test_a_data_folder_inside_the_install_folder_is_refused() -> None:
    said = storage_warning(
        Path("/opt/pledge-desktop/data"), mounts=LOCAL, install_dir=Path("/opt/pledge-desktop")
    )
    assert said is not None and "upgrade or uninstall would remove it" in said
    assert storage_warning(Path("/home/n/data"), mounts=LOCAL, install_dir=Path("/opt/p")) is None
