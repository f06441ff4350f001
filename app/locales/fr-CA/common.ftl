# common (fr-CA)

common-loading = Chargement…
# L'étiquette du sélecteur de langue reste lisible dans toutes les langues, la langue courante d'abord.
common-language-label = Langue / Language / Язык

layout-skip-link = Passer au contenu
layout-footer = Northstar Auto Finance · Portail client sécurisé
layout-sign-out = Se déconnecter
layout-signing-out = Déconnexion en cours…
layout-main-nav = Navigation principale

nav-dashboard = Tableau de bord
nav-payments = Paiements
nav-documents = Documents
nav-messages = Messages
nav-profile = Profil

pwa-update-available = Mise à jour disponible
pwa-reload = Recharger

toast-dismiss = Fermer
toast-copy = Copier
# Nom accessible d'un bouton de copie; $what est ce qu'il copie (« numéro de contrat »).
toast-copy-label = Copier { $what }
toast-copied = Copié : { $text }
toast-copy-failed = Impossible de copier. Sélectionnez le numéro et copiez-le vous-même.
contact-link = Nous joindre : numéros et heures d'ouverture
contact-title = Nous joindre
contact-intro = Notre équipe répond par téléphone dans votre pays. Ayez votre numéro de contrat en main; nous ne vous demanderons jamais votre mot de passe.
contact-country-us = États-Unis
contact-country-ca = Canada
contact-country-ru = Russie
contact-hours-us = Du lundi au vendredi de 8 h à 20 h, le samedi de 9 h à 17 h (heure de l'Est)
contact-hours-ca = Du lundi au vendredi de 8 h à 20 h, le samedi de 9 h à 17 h (heure de l'Est), en français et en anglais
contact-hours-ru = Du lundi au vendredi de 9 h à 20 h (heure de Moscou), en russe
contact-self-service = Accès bloqué?
contact-forgot-password = Réinitialiser votre mot de passe
contact-forgot-username = Retrouver votre nom d'utilisateur
