from django.urls import path

from rial.fund import views

app_name = "fund"
urlpatterns = [
    path("fund/", views.home, name="home"),
    path("fund/ledger/", views.ledger, name="ledger"),
    path("fund/ledger/<int:pk>/", views.entry_detail, name="entry"),
    path("fund/ledger/<int:pk>/reverse/", views.entry_reverse, name="entry_reverse"),
    path("fund/contributions/new/", views.contribution_new, name="contribution_new"),
    path("fund/expenses/new/", views.expense_new, name="expense_new"),
    path("fund/allocations/", views.allocations, name="allocations"),
    path("fund/reports/", views.reports_page, name="reports"),
]
urlpatterns += [
    path("fund/reports/financial-report.xlsx", views.report_xlsx, name="report_xlsx"),
    path("fund/reports/financial-report.pdf", views.report_pdf, name="report_pdf"),
]
