#!/bin/sh
# The scheduled jobs of deploy/systemd/*.timer for a container deployment: the frequent jobs every five
# minutes, the daily jobs at 06:15 and the backup at 02:30 (container time zone, UTC unless TZ is set).
# Each job is idempotent (a job run twice sends nothing twice), so a restart of this loop is harmless.
set -u
last_daily="" last_backup=""
while true; do
    python manage.py send_notification_batches
    python manage.py send_newsletters
    today=$(date +%F) now=$(date +%H%M)
    if [ "$now" -ge 0615 ] && [ "$last_daily" != "$today" ]; then
        for job in close_consultations send_mandate_reminders portfolio_review_reminders \
                   send_cooperation_reminders send_notification_digests; do
            python manage.py "$job"
        done
        last_daily=$today
    fi
    if [ "$now" -ge 0230 ] && [ "$last_backup" != "$today" ]; then
        python manage.py backup /srv/rial/backups --keep 14
        last_backup=$today
    fi
    sleep 300
done
