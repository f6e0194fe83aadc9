// The report screen reloads itself while the worker generates the report (data-reload).
document.addEventListener("DOMContentLoaded", () => {
    if (document.querySelector(".report-run[data-reload]")) {
        setTimeout(() => window.location.reload(), 1500);
    }
});
