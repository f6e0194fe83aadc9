// The news import screen reloads itself while the task worker imports the file (data-reload).
document.addEventListener("DOMContentLoaded", () => {
    if (document.querySelector(".news-import[data-reload]")) {
        setTimeout(() => window.location.reload(), 2000);
    }
});
