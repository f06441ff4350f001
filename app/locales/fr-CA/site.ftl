# site (fr-CA)

site-meta-description = Portail client de Northstar Auto Finance : solde, paiements, documents et messages.

home-title = Votre financement auto, en ligne
home-lead = Consultez votre solde et votre prochain paiement, payez, obtenez une soumission de remboursement anticipé et écrivez-nous — en toute sécurité, depuis votre cellulaire ou votre ordinateur.
home-sign-in = Se connecter
home-register = Créer votre identifiant

terms-page-title = Conditions d'utilisation
terms-title = Conditions d'utilisation du site Web
terms-p1 = Ce portail permet aux clients de Northstar Auto Finance de consulter et de gérer leurs contrats de financement. Gardez votre mot de passe confidentiel et déconnectez-vous sur les appareils partagés. Nous ne vous demanderons jamais votre mot de passe par courriel ou par téléphone.
terms-p2 = Les renseignements affichés ici vous sont fournis à titre indicatif; votre contrat et vos relevés officiels demeurent les documents qui font foi. Les paiements sont portés à votre compte conformément à votre contrat une fois qu'ils sont compensés.
terms-back = Retour à l'inscription

notfound-title = Page introuvable
notfound-text = L'adresse est peut-être mal saisie, ou la page a été déplacée.
notfound-home = Aller à la page d'accueil

soon-intro = Bientôt offert.

devmail-title = Boîte aux lettres de démonstration
devmail-hint = Mode démonstration : aucun serveur SMTP n'est configuré, les courriels sont donc conservés ici au lieu d'être envoyés.
devmail-empty = Aucun message pour l'instant.
devmail-to = À { $to }
devmail-sms-subject = Message texte (SMS simulé)
