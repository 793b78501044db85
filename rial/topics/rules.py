from rial.accounts.rules import secretariat_manages

secretariat_manages("topics.topic")
